import nodemailer, { type Transporter } from 'nodemailer';

/** How a mail leaves: nodemailer over SMTP_URL (smtp:// upgrades with STARTTLS when offered, smtps:// is TLS from the start). */
export interface Mailer {
  send(mail: { to: string; subject: string; text: string; html: string; replyTo?: string }): Promise<{ messageId: string }>;
  close(): void;
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(
    {
      url: smtpUrl,
      pool: true,
      maxConnections: 2,
      // a relay that does not answer must not hold a delivery (and its row lock) for minutes
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    { from },
  );
  return {
    async send(mail) {
      const info = await transport.sendMail({ ...mail, headers: { 'Auto-Submitted': 'auto-generated' } });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
