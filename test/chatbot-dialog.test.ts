import { describe, expect, it } from 'vitest';
import { FeedbackVote } from '@chorus-support/sdk';
import { buttonOf, chatWidget, type Turn } from './support/chatbot';
import { startTestServer } from './support/server';

const server = await startTestServer();
// the widget plays the dialog through the SDK's generated operations, as a client would
const widget = chatWidget(server.url, await server.tokenForRole('END_USER', 'CSP-LYON'));

describe('a pasted message that a known anomaly causes', () => {
  it('confirms with the anomaly’s messages, the pasted one among them, then answers with that anomaly', async () => {
    const start = await widget.start('IZIA');
    const conversationId = start.conversation.id;
    const sent = await widget.send(conversationId, 'Pièce 1508892764/00003 : annulation automatique du report nul interdit');
    expect(sent.turn.texts).toEqual(['Sur quel domaine porte la demande']);
    const ej = await widget.choose(conversationId, buttonOf(sent.turn, 'EJ'));
    // what is listed holds the message pasted (variable parts written XXX, as the source does)
    expect(ej.turn.listItems).toContain('Pièce XXXXXX/XXXXX : annulation automatique du report nul interdit');
    expect(ej.turn.texts.join(' ')).toContain("Ajout d'un tiers dans l'EJ");
    expect(ej.turn.buttons.map((b: any) => b.label)).toEqual(['Oui', 'Non']);
    const yes = await widget.choose(conversationId, buttonOf(ej.turn, 'Oui'));
    expect(yes.turn.item?.title ?? JSON.stringify(yes)).toBe("Ajout d'un tiers dans l'EJ");
    expect(yes.turn.listItems).toContain('Pièce XXXXXX/XXXXX : annulation automatique du report nul interdit');
  });
});

describe('IZIA plays the source dialog word for word', () => {
  it('pasted "Poste de pièce … reporté" → domain → EJ messages → Oui → modification → answer and the FSD button', async () => {
    const start = await widget.start('IZIA');
    expect(start.userErrors).toEqual([]);
    const welcome: Turn = start.turn;
    expect(welcome.texts).toEqual(["Bonjour Je suis IZIA votre assistante virtuelle. Vous pouvez sélectionner un des domaines ci-dessous ou copier-coller votre message d'erreur."]);
    expect(welcome.buttons.map((b) => b.label)).toEqual([
      'Connexion', 'Habilitation', 'Problème sur un workflow', 'Chorus Formulaires', 'RNF', 'Service fait présumé / assisté', 'EJ', 'Incidents majeurs', 'Upgrade SAP',
    ]);
    const conversationId = start.conversation.id;

    const pasted = "erreur dans le système de gestion : Poste de pièce 1508892764/00003 n'a pas encore été reporté dans exercice en cours";
    const sent = await widget.send(conversationId, pasted);
    expect(sent.userTurn.matchOutcome).toBe('CONFIDENT');
    expect(sent.userTurn.candidates[0]).toMatchObject({ title: "Poste de pièce n'a pas encore été reporté dans exercice en cours", exact: true, score: 1 });
    expect(sent.conversation.variableParts).toEqual([{ kind: 'DOCUMENT_NUMBER', value: '1508892764/00003' }]);
    expect(sent.turn.texts).toEqual(['Sur quel domaine porte la demande']);

    const ej = await widget.choose(conversationId, buttonOf(sent.turn, 'EJ'));
    expect(ej.turn.listItems).toEqual([
      'Centre financier inexistant',
      "Le domaine fonctionnel n'est pas valable",
      'Poste de commande comprend encore des imputations erronées',
      "Poste de pièce n'a pas encore été reporté dans exercice en cours",
      'Une erreur est survenue dans la règle de dérivation',
      "Ctre financier XXX n'existe pas ds périm. Fin XX et exercice XXX",
      'Report nul automatique avec chaîne de document',
      "Les erreurs précédentes ont été détectées lors de la remontée d'AE",
      "la valeur Blanc/Espace est non valide pour l'élément d'imputation Prog CB",
    ]);
    expect(ej.turn.buttons.map((b: any) => b.label)).toEqual(['Oui', 'Non']);

    const yes = await widget.choose(conversationId, buttonOf(ej.turn, 'Oui'));
    expect(yes.turn.texts).toEqual(["Quelle est la modification apportée sur l'EJ"]);
    expect(yes.turn.isAnswer).toBe(false);

    const abonnement = await widget.choose(conversationId, buttonOf(yes.turn, 'Abonnement d un poste'));
    const answer: Turn = abonnement.turn;
    expect(answer.texts).toEqual([
      'Nous vous rappelons qu un poste soldé en année antérieure ne peut plus faire l objet de modifications. Vous devez créer un nouveau poste.',
      "Si vous rencontrez un message de report sur un poste finalisé, vous devez créer une fiche au support pour débloquer l'EJ.",
      "Si vous ne savez pas comment créer une fiche desk, vous pouvez avoir plus de détail en cliquant sur le bouton ci-dessous. Si vous souhaitez renseigner un nouveau message d'erreur, il faut initier une nouvelle conversation.",
    ]);
    expect(answer.buttons[0]).toMatchObject({ label: "Processus de création d'une Fiche Desk (FSD)", kind: 'LINK', url: expect.stringMatching(/^https:\/\//) });
    expect(answer.isAnswer).toBe(true);
    expect(abonnement.conversation).toMatchObject({ outcome: 'ANSWERED', path: ['EJ', 'Oui', 'Abonnement d un poste'], domain: { code: 'EJ' } });

    const up = await widget.feedback({ turnId: answer.id, vote: FeedbackVote.UP });
    expect(up.userErrors).toEqual([]);
    expect(up.feedback).toMatchObject({ vote: 'UP', item: { title: "Poste de pièce n'a pas encore été reporté dans exercice en cours" } });
  });

  it('Incidents majeurs → EJ → the five anomalies → "Ajout d\'un tiers dans l\'EJ" with its messages and the advice to open a ticket', async () => {
    const start = await widget.start('IZIA');
    const conversationId = start.conversation.id;
    const domain = await widget.choose(conversationId, buttonOf(start.turn, 'Incidents majeurs'));
    expect(domain.turn.texts).toEqual(['Sur quel domaine porte votre anomalie']);
    const ej = await widget.choose(conversationId, buttonOf(domain.turn, 'EJ'));
    expect(ej.turn.texts).toEqual(['Les anomalies concernent les sujets suivants']);
    expect(ej.turn.buttons.map((b: any) => b.label)).toEqual([
      'Données erronées en Z_LISTE_EJ',
      "Ajout d'un tiers dans l'EJ",
      "Postes d'EJ absents dans Chorus Formulaire",
      'aucune autorisation pour le centre financier: XXXX-XXXX-XXXX',
      "Modification des conditions de paiement en entête de l'EJ",
      'Revenir aux domaines',
    ]);
    const tiers = await widget.choose(conversationId, buttonOf(ej.turn, "Ajout d'un tiers dans l'EJ"));
    expect(tiers.turn.texts[0]).toBe("L'ajout d'un tiers en en-tête d'un EJ peut provoquer des contrôles erronés et ainsi provoquer des messages d'erreurs bloquants.");
    expect(tiers.turn.listItems).toEqual([
      'Poste de pièce n a pas encore été reporté dans exercice en cours',
      'Aucune autoris. pr périm. fin. BG00 version 0 catég. budg. 9G',
      'Pièce XXXXXX/XXXXX : annulation automatique du report nul interdit',
    ]);
    expect(tiers.turn.texts.at(-2)).toBe("L'analyse de cette anomalie est actuellement en cours de traitement.\nVous devez créer une fiche pour le déblocage de l'EJ.");
    // a known anomaly's answer ends with how many tickets it gathers (none in the demo data)
    expect(tiers.turn.texts.at(-1)).toBe('Aucune fiche n’est encore rattachée à cet incident.');
    expect(tiers.turn.buttons.map((b: any) => b.kind)).toContain('TICKET_REQUEST');
    // the blocks in the source's order: text, text, the list of messages, text — then the linked-ticket count
    expect(tiers.turn.blocks.map((b: any) => b.kind)).toEqual(['TEXT', 'TEXT', 'LIST', 'TEXT', 'TEXT']);
    expect(tiers.turn.blocks.at(-1)!.text).toBe(tiers.turn.texts.at(-1));
    expect(tiers.turn.blocks[1].text).toBe('Les messages d’erreurs peuvent-être les suivants :');
    expect(tiers.turn.blocks[2].items).toEqual(tiers.turn.listItems);
  });

  it('the major-incident lists offer a way back to the domains', async () => {
    const start = await widget.start('IZIA');
    const conversationId = start.conversation.id;
    const domain = await widget.choose(conversationId, buttonOf(start.turn, 'Incidents majeurs'));
    expect(domain.turn.buttons.at(-1)).toMatchObject({ label: 'Revenir aux domaines', kind: 'RESTART' });
    const ej = await widget.choose(conversationId, buttonOf(domain.turn, 'EJ'));
    const back = await widget.choose(conversationId, buttonOf(ej.turn, 'Revenir aux domaines'));
    expect(back.turn.texts).toEqual(["Vous pouvez sélectionner un des domaines ci-dessous ou copier-coller votre message d'erreur."]);
    expect(back.turn.buttons.map((b: any) => b.label)).toContain('Incidents majeurs');
  });

  it('an ambiguous message with a single candidate asks about that one: "Vouliez-vous dire …", Oui / Non', async () => {
    const start = await widget.start('IZIA');
    const conversationId = start.conversation.id;
    const sent = await widget.send(conversationId, "Le débiteur n'existe pas");
    expect(sent.userTurn.matchOutcome).toBe('AMBIGUOUS');
    expect(sent.turn.texts).toEqual(["Vouliez-vous dire « Le débiteur n'existe pas dans le référentiel » ?"]);
    expect(sent.turn.buttons.map((b: any) => [b.label, b.kind])).toEqual([['Oui', 'ITEM'], ['Non', 'NONE_OF_THESE']]);
    const yes = await widget.choose(conversationId, buttonOf(sent.turn, 'Oui'));
    expect(yes.turn.isAnswer).toBe(true);
    expect(yes.turn.texts[0]).toMatch(/^Le titre de perception ne peut pas être émis/);
  });

  it('an ambiguous message offers the candidates as buttons, then "none of these" leads to the honest fallback', async () => {
    const start = await widget.start('IZIA');
    const conversationId = start.conversation.id;
    const sent = await widget.send(conversationId, 'centre financier');
    expect(sent.userTurn.matchOutcome).toBe('AMBIGUOUS');
    expect(sent.turn.texts).toEqual(['Votre message ressemble à plusieurs messages que je connais. Lequel correspond à votre situation ?']);
    const labels = sent.turn.buttons.map((b: any) => b.label);
    expect(labels).toContain('Centre financier inexistant');
    expect(labels.at(-1)).toBe('Aucun de ces messages');
    expect(sent.turn.buttons.length).toBeLessThanOrEqual(5);

    const picked = await widget.choose(conversationId, buttonOf(sent.turn, 'Centre financier inexistant'));
    expect(picked.turn.isAnswer).toBe(true);
    expect(picked.turn.texts[0]).toMatch(/^Le centre financier saisi dans l'imputation n'existe pas/);

    const again = await widget.send(conversationId, 'centre financier');
    const none = await widget.choose(conversationId, buttonOf(again.turn, 'Aucun de ces messages'));
    expect(none.turn.texts[0]).toMatch(/^Je n'ai pas trouvé de réponse/);
    expect(none.turn.buttons.map((b: any) => b.label)).toEqual(['Demander une fiche à mon CCA', 'Revenir aux domaines']);
  });

  it('picking a domain from the menu lists its subjects; "Revenir aux domaines" brings the menu back', async () => {
    const start = await widget.start('IZIA');
    const conversationId = start.conversation.id;
    const connexion = await widget.choose(conversationId, buttonOf(start.turn, 'Connexion'));
    expect(connexion.turn.buttons.map((b: any) => b.label)).toEqual([
      'Nom ou mot de passe incorrect', 'Utilisateur verrouillé', 'Mot de passe expiré', 'Session expirée', 'Mot de passe oublié : le réinitialiser', 'Revenir aux domaines',
    ]);
    const back = await widget.choose(conversationId, buttonOf(connexion.turn, 'Revenir aux domaines'));
    // the whole menu again, as at the start (`every` alone would pass a turn without buttons)
    expect(back.turn.buttons.map((b: any) => [b.label, b.kind])).toEqual(start.turn.buttons.map((b: any) => [b.label, 'DOMAIN']));
    expect(back.turn.buttons).toHaveLength(9);
  });
});
