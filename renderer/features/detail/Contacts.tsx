/** A candidate's emails, phones and links; only safe addresses become links. */
import type { ApplicationDetail } from '../../../shared/api/detail';
import { LinkIcon, MailIcon, PhoneIcon } from '../../ui/icons';
import { mailtoHref, safeExternalUrl, telHref } from './links';

function typeLabel(type: string | null): string | null {
  return type === null || type === 'NOT_SPECIFIED' ? null : type.toLowerCase();
}

export function Contacts({ candidate }: { candidate: ApplicationDetail['candidate'] }) {
  const { emails, phones, links } = candidate;
  if (emails.length === 0 && phones.length === 0 && links.length === 0) return <p className="muted">No contact details.</p>;
  return (
    <ul className="contacts">
      {emails.map((email, i) => {
        const href = mailtoHref(email.email);
        const type = typeLabel(email.type);
        return (
          <li key={`e${i}`}>
            <MailIcon />
            {href === null ? <span className="break">{email.email}</span> : (
              // A new-window link is how the desktop shell hands mailto:/tel: to the OS.
              <a className="break" href={href} target="_blank" rel="noopener noreferrer">
                {email.email}
              </a>
            )}
            {type !== null && <span className="contact-type">{type}</span>}
          </li>
        );
      })}
      {phones.map((phone, i) => {
        const href = telHref(phone.phoneNumber);
        const type = typeLabel(phone.type);
        return (
          <li key={`p${i}`}>
            <PhoneIcon />
            {href === null ? (
              <span>{phone.phoneNumber}</span>
            ) : (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {phone.phoneNumber}
              </a>
            )}
            {type !== null && <span className="contact-type">{type}</span>}
          </li>
        );
      })}
      {links.map((link, i) => {
        const href = safeExternalUrl(link);
        return (
          <li key={`l${i}`}>
            <LinkIcon />
            {href === null ? (
              <span className="break" title="Not a web address: shown as text">
                {link}
              </span>
            ) : (
              <a className="break" href={href} target="_blank" rel="noopener noreferrer">
                {link}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
