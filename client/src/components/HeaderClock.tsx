import { RoundClock, RoundSignals, SoundToggle } from './RoundClock';
import { useView } from '../state/selectors';

/** The compact round clock of a workshop screen's header, with its chime toggle and announcer. */
export function HeaderClock() {
  const inCafe = useView((s) => s.phase === 'cafe');
  return (
    <div className="header-clock">
      {inCafe && (
        <>
          <RoundClock size="compact" />
          <SoundToggle />
        </>
      )}
      <RoundSignals />
    </div>
  );
}
