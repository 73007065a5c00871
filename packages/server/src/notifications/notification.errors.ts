import { errorCodes } from '../core/errors';

export enum NotificationErrorCode {
  NOT_A_PERSON = 'NOT_A_PERSON',
}

export const NOTIFICATION_ERROR_CODES = errorCodes(NotificationErrorCode, {
  NOT_A_PERSON: { kind: 'FORBIDDEN', description: 'Notification preferences belong to persons; an application receives no mail.' },
});

declare module '../core/errors' {
  interface DomainErrorCodes {
    notifications: NotificationErrorCode;
  }
}
