// The workshops this browser has opened (kept on the device, net/sessions.ts), each a link that
// opens it in place — listed on the landing page and, for someone not signed in, on the home page.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format';
import { navigate, paths } from '../lib/router';
import type { SessionRecord } from '../net/sessions';

export function DeviceWorkshops({ sessions }: { sessions: ReadonlyArray<SessionRecord & { workshopId: string }> }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ul className="plain-list">
      {sessions.map((s) => (
        <li key={s.workshopId}>
          <a
            href={paths.workshop(s.workshopId)}
            onClick={(e) => {
              e.preventDefault();
              navigate(paths.workshop(s.workshopId));
            }}
          >
            {s.title}
          </a>{' '}
          <span className="muted">
            · {s.role ? t(`roles.${s.role}` as never) : ''} · {f.dateTime(s.savedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}
