import { memo, useMemo } from 'react';
import { timeZones } from './model';

/** Some 400 options: rendered again only when the zone or its error changes, not on every keystroke. */
export const TimeZoneSelect = memo(function TimeZoneSelect({
  id,
  value,
  invalid,
  onChange,
}: {
  id: string;
  value: string;
  invalid: boolean;
  onChange: (zone: string) => void;
}) {
  const zones = useMemo(() => timeZones(value), [value]);
  return (
    <select
      id={id}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${id}-error` : undefined}
    >
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone}
        </option>
      ))}
    </select>
  );
});
