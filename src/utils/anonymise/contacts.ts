/** The partnership's own published contact details, allowed everywhere. */
import type { PartnershipContacts } from './types.ts';

/** What the scanner needs of `content/settings.yaml`. */
export interface SettingsContacts {
  contacts?: ReadonlyArray<{ phone?: string | undefined; email?: string | undefined }> | undefined;
  archiveRequest?: { phone?: string | undefined; email?: string | undefined } | undefined;
}

/** The phones and emails in settings' `contacts` and `archiveRequest`. */
export function contactsFromSettings(settings: SettingsContacts): PartnershipContacts {
  const all = [...(settings.contacts ?? []), ...(settings.archiveRequest ? [settings.archiveRequest] : [])];
  return {
    phones: all.flatMap((c) => (c.phone ? [c.phone] : [])),
    emails: all.flatMap((c) => (c.email ? [c.email] : [])),
  };
}
