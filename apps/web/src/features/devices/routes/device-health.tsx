import { LiveBadge } from '@/components/live-badge';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { formatDateTime } from '@/lib/format';
import { useDevices, useLiveOperations, useRecentIncidents, useStats } from '../api/operations';
import { DeviceCounters, IncidentCounters } from '../components/counters';
import { DevicesByState } from '../components/devices-by-state';

/** The device-health dashboard (the AlertCast seed): severity counters, devices by state, recent incidents; live. */
export function DeviceHealthPage() {
  const live = useLiveOperations();
  const stats = useStats();
  const devices = useDevices();
  const recent = useRecentIncidents();
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-bold">
        Device health
        <LiveBadge status={live} />
      </h1>
      <section aria-labelledby="counters" className="space-y-2">
        <h2 id="counters" className="text-xl font-semibold">
          Open incidents
        </h2>
        {stats.isPending ? <Loading what="Loading the counters" /> : null}
        {stats.isError ? <ProblemAlert error={stats.error} /> : null}
        {stats.data ? <IncidentCounters incidents={stats.data.incidents} /> : null}
        {stats.data ? <DeviceCounters devices={stats.data.devices} /> : null}
      </section>
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="devices" className="lg:col-span-2">
          <h2 id="devices" className="mb-2 text-xl font-semibold">
            Devices
          </h2>
          {devices.isPending ? <Loading what="Loading the devices" /> : null}
          {devices.isError ? <ProblemAlert error={devices.error} /> : null}
          {devices.data ? <DevicesByState devices={devices.data.items} /> : null}
        </section>
        <section aria-labelledby="recent">
          <h2 id="recent" className="mb-2 text-xl font-semibold">
            Recent incidents
          </h2>
          {recent.isPending ? <Loading what="Loading recent incidents" /> : null}
          {recent.isError ? <ProblemAlert error={recent.error} /> : null}
          {recent.data?.items.length === 0 ? <p>None yet.</p> : null}
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
            {recent.data?.items.map((incident) => (
              <li key={incident.incidentId} className="p-2" data-testid="recent-incident">
                <p className="font-medium">{incident.title}</p>
                <p className="text-sm text-slate-700">
                  {incident.priority} · {incident.severity} · {incident.status.replace('_', ' ')} · {formatDateTime(incident.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </section>
  );
}
