/** The show the hold benchmarks sell: one category, sections of rows of seats, published. */ "use strict";
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
    get arena () {
        return arena;
    },
    get createBenchShow () {
        return createBenchShow;
    },
    get postJson () {
        return postJson;
    }
});
const postJson = async (url, token, body)=>{
    const res = await fetch(url, {
        method: 'POST',
        headers: {
            authorization: `Bearer ${token}`,
            ...body === undefined ? {} : {
                'content-type': 'application/json'
            }
        },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    return {
        status: res.status,
        body: await res.json()
    };
};
const createBenchShow = async (url, adminToken, sections, name = 'Bench')=>{
    const created = await postJson(`${url}/api/shows`, adminToken, {
        name,
        venue: 'Arena',
        startsAt: '2030-05-01T19:30:00Z',
        currency: 'EUR',
        holdMinutes: 10,
        maxSeatsPerBooking: 4,
        categories: [
            {
                id: 'std',
                name: 'Standard',
                price: 4500
            }
        ],
        sections: sections.map(({ id, rows, seatsPerRow })=>({
                id,
                name: id,
                categoryId: 'std',
                rows: Array.from({
                    length: rows
                }, (_, i)=>({
                        label: String(i + 1),
                        seats: seatsPerRow
                    }))
            }))
    });
    if (created.status !== 201) throw new Error(`create show: ${JSON.stringify(created.body)}`);
    const showId = created.body.showId;
    const published = await postJson(`${url}/api/shows/${showId}/publish`, adminToken);
    if (published.status !== 200) throw new Error(`publish: ${JSON.stringify(published.body)}`);
    return showId;
};
const arena = (sections, rows, seatsPerRow)=>Array.from({
        length: sections
    }, (_, i)=>({
            id: `S${i + 1}`,
            rows,
            seatsPerRow
        }));

//# sourceMappingURL=bench-show.js.map