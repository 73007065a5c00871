import { registerEnumType } from 'type-graphql';

export enum ServiceLevelMetric {
  FIRST_RESPONSE = 'FIRST_RESPONSE',
  LEVEL_HOLD = 'LEVEL_HOLD',
  RESOLUTION = 'RESOLUTION',
}
registerEnumType(ServiceLevelMetric, {
  name: 'ServiceLevelMetric',
  description: 'What a service-level target measures, in business time of its calendar; time waiting for the requester (WAITING_FOR_INFO) never counts.',
  valuesConfig: {
    FIRST_RESPONSE: { description: 'From submission to the support’s first act (take, question, escalation, transfer or resolution).' },
    LEVEL_HOLD: { description: 'Time the ticket is held at one support level (`level`), summed over every stay there.' },
    RESOLUTION: { description: 'From submission to resolution, summed over every period with the support (a reopened ticket adds to it).' },
  },
});

export enum ServiceLevelState {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  BREACHED = 'BREACHED',
}
registerEnumType(ServiceLevelState, {
  name: 'ServiceLevelState',
  description: 'Where a ticket stands against one target.',
  valuesConfig: {
    ON_TRACK: { description: 'Elapsed business time is below the target’s at-risk share.' },
    AT_RISK: { description: 'Elapsed business time reached the at-risk share (e.g. 80 %) but not the target.' },
    BREACHED: { description: 'Elapsed business time reached the target.' },
  },
});

export enum ServiceLevelClock {
  RUNNING = 'RUNNING',
  PAUSED = 'PAUSED',
  STOPPED = 'STOPPED',
}
registerEnumType(ServiceLevelClock, {
  name: 'ServiceLevelClock',
  description: 'Whether a target’s clock counts now (outside working hours a RUNNING clock simply gains nothing).',
  valuesConfig: {
    RUNNING: { description: 'Counting: the support has the ticket.' },
    PAUSED: { description: 'Waiting for the requester (WAITING_FOR_INFO): resumes when they answer.' },
    STOPPED: { description: 'Done: answered, resolved, cancelled, or (for LEVEL_HOLD) the ticket left the level; a later stay or reopening starts it again.' },
  },
});

export enum ServiceLevelStatisticsDimension {
  LEVEL = 'LEVEL',
  DOMAIN = 'DOMAIN',
  STRUCTURE = 'STRUCTURE',
  MONTH = 'MONTH',
}
registerEnumType(ServiceLevelStatisticsDimension, {
  name: 'ServiceLevelStatisticsDimension',
  description: 'How service-level statistics are grouped (and always by metric).',
  valuesConfig: {
    LEVEL: { description: 'Support level: the target’s level for LEVEL_HOLD, the ticket’s current level otherwise.' },
    DOMAIN: { description: 'Ticket domain (EJ, habilitation, …).' },
    STRUCTURE: { description: 'Requesting structure.' },
    MONTH: { description: 'Month of submission (YYYY-MM, Europe/Paris).' },
  },
});
