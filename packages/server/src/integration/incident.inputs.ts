import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GlobalId, NotInFuture, refusal, SafeText, TEXT } from '../core/validation';
import { TicketImpact, TicketNature } from '../service-desk/ticket.enums';
import { PRIORITY, PriorityRange } from '../service-desk/ticket.inputs';
import { FlowDirection } from './incident-filing.entity';
import { IncidentErrorCode } from './integration.errors';
import { INTEGRATION_MESSAGES as M } from './integration.messages';

/** How far ahead of ours an application's clock may run: its "now" is not in our future. */
export const CLOCK_SKEW_MS = 5 * 60_000;

@InputType({ description: 'The exchange flow that failed.' })
export class FlowInput {
  @Field({ description: 'Flow id as the exchange system knows it (letters, digits, `.`, `_`, `-`; 3–64).' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, refusal(M['INVALID_FORMAT.flowId']))
  id!: string;

  @Field({ description: 'Flow type, e.g. EJ, DP, FACTURE (letters, digits, `_`).' })
  @Matches(/^[A-Za-z0-9_]{2,40}$/, refusal(M['INVALID_FORMAT.flowType']))
  type!: string;

  @Field(() => FlowDirection, { description: 'Which way it went.' })
  direction!: FlowDirection;

  @Field({ description: 'When it was exchanged (not in the future).' })
  @NotInFuture(CLOCK_SKEW_MS, refusal(M.OCCURRED_IN_FUTURE, IncidentErrorCode.OCCURRED_IN_FUTURE))
  exchangedAt!: Date;
}

@InputType({ description: 'An incident on an exchange flow, filed by a business application.' })
export class FileIncidentInput {
  @Field({ description: 'Unique per incident (8–100 characters: letters, digits, `.`, `_`, `:`, `-`). Resending the same key returns the same ticket; the SDK makes one for you.' })
  @Matches(/^[A-Za-z0-9._:-]{8,100}$/, refusal(M['INVALID_FORMAT.idempotencyKey']))
  idempotencyKey!: string;

  @Field(() => ID, { description: 'The structure the failed flow concerns (one the application is registered for).' })
  @GlobalId('Structure')
  structureId!: string;

  @Field(() => String, { nullable: true, description: 'Chorus application code (default CHORUS_COEUR).' })
  @IsOptional()
  @SafeText(40)
  application?: string | null;

  @Field(() => FlowInput, { description: 'Which exchange flow failed: its id, type, direction and time. A second filing of the same flow and error by the same application within the grouping window joins the first one’s open ticket.' })
  @ValidateNested()
  flow!: FlowInput;

  @Field({ description: 'The raw error message the flow got.' })
  @SafeText(4000, { min: 1 })
  errorMessage!: string;

  @Field(() => [String], { nullable: true, description: 'Document numbers concerned (at most 50).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @SafeText(50, { min: 1, each: true })
  documentNumbers?: string[] | null;

  @Field({ description: 'When the failure occurred (not in the future).' })
  @NotInFuture(CLOCK_SKEW_MS, refusal(M.OCCURRED_IN_FUTURE, IncidentErrorCode.OCCURRED_IN_FUTURE))
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Free text for the support.' })
  @IsOptional()
  @SafeText(TEXT.long)
  details?: string | null;

  @Field(() => Int, { nullable: true, description: `Priority from ${PRIORITY.min} (most urgent) to ${PRIORITY.max}, as on every ticket; 3 when omitted.` })
  @IsOptional()
  @PriorityRange()
  priority?: number | null;

  @Field(() => TicketImpact, { nullable: true, description: 'Who is affected (default STRUCTURE).' })
  impact?: TicketImpact | null;
}

@InputType({ description: 'Creates or changes a routing rule.' })
export class SaveIncidentRoutingRuleInput {
  @Field(() => ID, { nullable: true, description: 'The rule to change; omitted to create one.' })
  id?: string | null;

  @Field(() => Int, { description: 'Evaluation order (the first match wins).' })
  @Min(0)
  @Max(100000)
  position!: number;

  @Field({ description: 'What it recognises (recorded on tickets as the routing reason).' })
  @SafeText(200, { min: 1 })
  label!: string;

  @Field({ description: 'PostgreSQL regular expression, matched case- and accent-insensitively.' })
  @SafeText(500, { min: 1 })
  pattern!: string;

  @Field(() => String, { nullable: true, description: 'Only for this flow type.' })
  @IsOptional()
  @SafeText(40)
  flowType?: string | null;

  @Field(() => TicketNature, { description: 'FUNCTIONAL → SN1; TECHNICAL → CES-CHOREGIE.' })
  nature!: TicketNature;

  @Field(() => String, { nullable: true, description: 'Ticket domain code (default OTHER).' })
  @IsOptional()
  @SafeText(40)
  domain?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False to disable it.' })
  active?: boolean | null;
}

/** Most incidents one `fileIncidents` call takes. */
export const MAX_INCIDENTS_PER_CALL = 100;

@InputType({ description: `Several incidents filed in one call (1 to ${MAX_INCIDENTS_PER_CALL}): a night's batch of failed flows. Each has its own idempotency key and gets its own result.` })
export class FileIncidentsInput {
  // each item is validated on its own (incident.resolver.ts), so one bad item spoils no other
  @Field(() => [FileIncidentInput], { description: `The incidents, 1 to ${MAX_INCIDENTS_PER_CALL}. Results come back in the same order.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INCIDENTS_PER_CALL)
  incidents!: FileIncidentInput[];
}
