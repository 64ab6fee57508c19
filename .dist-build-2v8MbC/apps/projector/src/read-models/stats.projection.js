"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get emptyStats () {
        return emptyStats;
    },
    get evolveStats () {
        return evolveStats;
    },
    get liveStatsProjection () {
        return liveStatsProjection;
    }
});
const _contracts = require("../../../../libs/contracts/src");
const _readmodels = require("../../../../libs/read-models/src");
const OPEN = new Set([
    'new',
    'acknowledged',
    'in_progress',
    'pending'
]);
const isCountedDeviceStatus = (status)=>_readmodels.COUNTED_DEVICE_STATUSES.includes(status);
const emptyStats = ()=>({
        _id: _readmodels.LIVE_STATS_ID,
        incidents: {
            open: 0,
            bySeverity: Object.fromEntries(_contracts.INCIDENT_SEVERITIES.map((severity)=>[
                    severity,
                    0
                ])),
            byStatus: Object.fromEntries(_contracts.INCIDENT_STATUSES.map((status)=>[
                    status,
                    0
                ])),
            breached: 0
        },
        devices: {
            total: 0,
            online: 0,
            degraded: 0,
            offline: 0,
            silent: 0
        },
        sales: {
            showsOnSale: 0,
            seatsSold: 0,
            revenueByCurrency: {}
        },
        onSale: {}
    });
const evolveStats = (doc, event)=>{
    const stats = doc ?? emptyStats();
    const incidents = {
        ...stats.incidents,
        bySeverity: {
            ...stats.incidents.bySeverity
        },
        byStatus: {
            ...stats.incidents.byStatus
        }
    };
    switch(event.type){
        case 'incident.reported.v1':
            incidents.open += 1;
            incidents.bySeverity[event.data.severity] += 1;
            incidents.byStatus.new += 1;
            return {
                ...stats,
                incidents
            };
        case 'incident.status_changed.v1':
            {
                const { from, to, severity } = event.data;
                incidents.byStatus[from] -= 1;
                incidents.byStatus[to] += 1;
                const delta = Number(OPEN.has(to)) - Number(OPEN.has(from));
                incidents.open += delta;
                incidents.bySeverity[severity] += delta;
                return {
                    ...stats,
                    incidents
                };
            }
        case 'incident.severity_set.v1':
            if (!OPEN.has(event.data.status)) return stats;
            incidents.bySeverity[event.data.from] -= 1;
            incidents.bySeverity[event.data.to] += 1;
            return {
                ...stats,
                incidents
            };
        case 'incident.sla_breached.v1':
            incidents.breached += 1;
            return {
                ...stats,
                incidents
            };
        case 'incident.reprioritized.v1':
        case 'incident.assigned.v1':
        case 'incident.note_added.v1':
            return stats;
        // A registered device counts as offline until its first reading changes its status.
        case 'device.registered.v1':
            return {
                ...stats,
                devices: {
                    ...stats.devices,
                    total: stats.devices.total + 1,
                    offline: stats.devices.offline + 1
                }
            };
        case 'device.status_changed.v1':
            {
                const { from, to } = event.data;
                const devices = {
                    ...stats.devices
                };
                if (isCountedDeviceStatus(from)) devices[from] -= 1;
                if (isCountedDeviceStatus(to)) devices[to] += 1;
                return {
                    ...stats,
                    devices
                };
            }
        case 'show.published.v1':
            if (stats.onSale[event.data.showId]) return stats;
            return {
                ...stats,
                onSale: {
                    ...stats.onSale,
                    [event.data.showId]: true
                },
                sales: {
                    ...stats.sales,
                    showsOnSale: stats.sales.showsOnSale + 1
                }
            };
        case 'show.cancelled.v1':
            {
                if (!stats.onSale[event.data.showId]) return stats;
                const { [event.data.showId]: _cancelled, ...onSale } = stats.onSale;
                return {
                    ...stats,
                    onSale,
                    sales: {
                        ...stats.sales,
                        showsOnSale: stats.sales.showsOnSale - 1
                    }
                };
            }
        case 'booking.confirmed.v1':
            {
                const { amount, currency, tickets } = event.data;
                const revenueByCurrency = {
                    ...stats.sales.revenueByCurrency,
                    [currency]: (stats.sales.revenueByCurrency[currency] ?? 0) + amount
                };
                return {
                    ...stats,
                    sales: {
                        ...stats.sales,
                        seatsSold: stats.sales.seatsSold + tickets.length,
                        revenueByCurrency
                    }
                };
            }
        case 'booking.refunded.v1':
            {
                const { amount, currency, seatIds } = event.data;
                // A `hold_lost` refund gives back a payment that never became a sale: nothing was counted.
                if (seatIds.length === 0) return stats;
                const revenueByCurrency = {
                    ...stats.sales.revenueByCurrency,
                    [currency]: (stats.sales.revenueByCurrency[currency] ?? 0) - amount
                };
                return {
                    ...stats,
                    sales: {
                        ...stats.sales,
                        seatsSold: stats.sales.seatsSold - seatIds.length,
                        revenueByCurrency
                    }
                };
            }
        default:
            {
                const _exhaustive = event;
                return stats;
            }
    }
};
const liveStatsProjection = {
    ..._readmodels.liveStatsDescriptor,
    async apply (event, docs) {
        const statsEvent = {
            type: event.type,
            data: event.data
        };
        await docs.evolve(_readmodels.LIVE_STATS, _readmodels.LIVE_STATS_ID, event, (doc)=>evolveStats(doc, statsEvent));
    }
};

//# sourceMappingURL=stats.projection.js.map