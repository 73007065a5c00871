import { Migration } from '@mikro-orm/migrations';

export class Migration20261129124231_IncidentFiling extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "incident_routing_rule" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "position" int not null, "label" varchar(200) not null, "pattern" varchar(500) not null, "flow_type" varchar(40) null, "nature" text check ("nature" in ('FUNCTIONAL', 'TECHNICAL')) not null, "domain" varchar(40) not null default 'OTHER', "active" boolean not null default true, constraint "incident_routing_rule_pkey" primary key ("id"));`);

    this.addSql(`create table "incident_filing" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "application_id" uuid not null, "idempotency_key" varchar(100) not null, "body_hash" varchar(64) not null, "ticket_id" uuid not null, "flow_id" varchar(64) not null, "flow_type" varchar(40) not null, "flow_direction" text check ("flow_direction" in ('TO_CHORUS', 'FROM_CHORUS')) not null, "exchanged_at" timestamptz not null, "occurred_at" timestamptz not null, "error_message" text not null, "error_signature" varchar(64) not null, "document_numbers" text[] not null default '{}', "grouped_with_first" boolean not null default false, "routing_rule_id" uuid null, "routing_reason" varchar(300) not null, constraint "incident_filing_pkey" primary key ("id"));`);
    this.addSql(`create index "incident_filing_grouping_index" on "incident_filing" ("application_id", "flow_id", "error_signature", "created_at");`);
    this.addSql(`alter table "incident_filing" add constraint "incident_filing_idempotency_unique" unique ("application_id", "idempotency_key");`);

    this.addSql(`alter table "incident_filing" add constraint "incident_filing_application_id_foreign" foreign key ("application_id") references "application_client" ("id") on update cascade;`);
    this.addSql(`alter table "incident_filing" add constraint "incident_filing_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id") on update cascade;`);
    this.addSql(`alter table "incident_filing" add constraint "incident_filing_routing_rule_id_foreign" foreign key ("routing_rule_id") references "incident_routing_rule" ("id") on update cascade on delete set null;`);

    // default routing: exchange failures to CES-CHOREGIE, functional rejections (DOMAIN.md §3 messages) to SN1
    this.addSql(`insert into incident_routing_rule (id, position, label, pattern, nature, domain) values
      (gen_random_uuid(), 10, $$Transport du flux : délai, connexion, SFTP, certificat$$, $$(timeout|time-out|delai( d.attente)? (depasse|expire)|connexion (refusee|interrompue|impossible|perdue)|connection (refused|reset)|sftp|certificat|tls|ssl|service indisponible|service unavailable|http 5[0-9][0-9])$$, 'TECHNICAL', 'OTHER'),
      (gen_random_uuid(), 20, $$Format du flux : XML, schéma XSD, encodage, fichier$$, $$(xml|xsd|non conforme au schema|encodage|utf-?8|format (de fichier |du flux )?(invalide|incorrect)|fichier (vide|illisible|tronque)|balise)$$, 'TECHNICAL', 'OTHER'),
      (gen_random_uuid(), 30, $$Rejet technique du flux par le système d’échange (SEM)$$, $$(flux (rejete|refuse)|rejet technique|doublon|en double|numero de sequence|numero de lot|accuse de reception|acquittement)$$, 'TECHNICAL', 'OTHER'),
      (gen_random_uuid(), 100, $$Centre financier inconnu ou hors périmètre$$, $$(centre financier inexistant|ctre financier .* n.existe pas|aucune autoris.*(centre financier|perim))$$, 'FUNCTIONAL', 'EJ'),
      (gen_random_uuid(), 110, $$Domaine fonctionnel non valable$$, $$domaine fonctionnel n.est pas valable$$, 'FUNCTIONAL', 'EJ'),
      (gen_random_uuid(), 120, $$Imputations erronées$$, $$imputations? erronee$$, 'FUNCTIONAL', 'EJ'),
      (gen_random_uuid(), 130, $$Report sur l’exercice en cours$$, $$(pas encore ete reporte|report nul automatique|annulation automatique du report)$$, 'FUNCTIONAL', 'EJ'),
      (gen_random_uuid(), 140, $$Règle de dérivation$$, $$regle de derivation$$, 'FUNCTIONAL', 'EJ'),
      (gen_random_uuid(), 150, $$Remontée d’AE$$, $$remontee d.ae$$, 'FUNCTIONAL', 'EJ'),
      (gen_random_uuid(), 160, $$Élément d’imputation vide$$, $$blanc/espace est non valide$$, 'FUNCTIONAL', 'EJ'),
      (gen_random_uuid(), 900, $$Rejet fonctionnel : règles budgétaires$$, $$(budget|credits? insuffisants?|disponible insuffisant|exercice|imputation)$$, 'FUNCTIONAL', 'OTHER');`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "incident_filing" drop constraint "incident_filing_routing_rule_id_foreign";`);

    this.addSql(`drop table if exists "incident_routing_rule" cascade;`);

    this.addSql(`drop table if exists "incident_filing" cascade;`);
  }

}
