import type { Stats } from '../api/operations';

const SEVERITY_TILE: Record<keyof Stats['incidents']['bySeverity'], string> = {
  critical: 'border-red-700 bg-red-50 text-red-900',
  high: 'border-orange-600 bg-orange-50 text-orange-900',
  medium: 'border-yellow-600 bg-yellow-50 text-yellow-900',
  low: 'border-slate-400 bg-white text-slate-900',
};

function Tile({ label, value, className = 'border-slate-300 bg-white text-slate-900' }: { label: string; value: number; className?: string }) {
  return (
    <div className={`rounded-lg border-2 p-3 ${className}`}>
      <dt className="text-sm font-medium">{label}</dt>
      <dd className="text-3xl font-bold tabular-nums">{value.toLocaleString()}</dd>
    </div>
  );
}

/** The severity counters of open incidents (GET /api/stats), with the open total and the SLA breaches. */
export function IncidentCounters({ incidents }: { incidents: Stats['incidents'] }) {
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6" aria-label="Open incidents by severity">
      {(Object.keys(SEVERITY_TILE) as (keyof typeof SEVERITY_TILE)[]).map((severity) => (
        <Tile key={severity} label={severity[0].toUpperCase() + severity.slice(1)} value={incidents.bySeverity[severity]} className={SEVERITY_TILE[severity]} />
      ))}
      <Tile label="Open" value={incidents.open} />
      <Tile label="SLA breaches" value={incidents.breached} />
    </dl>
  );
}

export function DeviceCounters({ devices }: { devices: Stats['devices'] }) {
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5" aria-label="Devices by state">
      <Tile label="Devices" value={devices.total} />
      <Tile label="Online" value={devices.online} className="border-green-700 bg-green-50 text-green-900" />
      <Tile label="Degraded" value={devices.degraded} className="border-amber-600 bg-amber-50 text-amber-900" />
      <Tile label="Offline" value={devices.offline} className="border-red-700 bg-red-50 text-red-900" />
      <Tile label="Silent" value={devices.silent} className="border-slate-500 bg-slate-100 text-slate-900" />
    </dl>
  );
}
