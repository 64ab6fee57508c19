/**
 * What holds the memory in a V8 heap snapshot (one written by bench:memory with
 * MEMORY_BENCH_HEAP_SNAPSHOTS, or by DevTools), without DevTools:
 *   node --max-old-space-size=12000 dist/bench/support/heap-owners.js <file.heapsnapshot> [Class …]
 * Prints the heap by kind of object and string (uuid, ISO time, 64-hex digest, JSON text), then,
 * for every instance of the named classes (default: the embedded stores' parts), the bytes it
 * reaches (an EmbeddedCollection is named by its `name`). Reached bytes overlap where two owners
 * share objects (a string in two collections counts in both): a guide to where to look, not a
 * partition. This is how the 50,000-booking snapshot in bench/RESULTS.md was read.
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _nodefs = require("node:fs");
const DEFAULT_OWNERS = [
    'EmbeddedCollection',
    'LogIndex',
    'RecentEventIds',
    'RecentEvents',
    'StringTable',
    'ProjectionEngine',
    'SeatMapCache'
];
const MiB = 2 ** 20;
const [file, ...named] = process.argv.slice(2);
if (!file) {
    console.error('usage: node dist/bench/support/heap-owners.js <file.heapsnapshot> [Class …]');
    process.exit(64);
}
const owners = named.length > 0 ? named : DEFAULT_OWNERS;
const snap = JSON.parse((0, _nodefs.readFileSync)(file, 'utf8'));
const { node_fields: nodeFields, edge_fields: edgeFields, node_types: nodeTypes, edge_types: edgeTypes } = snap.snapshot.meta;
const { nodes, edges, strings } = snap;
const NF = nodeFields.length;
const EF = edgeFields.length;
const [iType, iName, iSize, iEdges] = [
    'type',
    'name',
    'self_size',
    'edge_count'
].map((field)=>nodeFields.indexOf(field));
const [eType, eName, eTo] = [
    'type',
    'name_or_index',
    'to_node'
].map((field)=>edgeFields.indexOf(field));
const count = nodes.length / NF;
const firstEdge = new Uint32Array(count + 1);
for(let i = 0, e = 0; i < count; i++){
    firstEdge[i] = e;
    e += nodes[i * NF + iEdges] * EF;
}
firstEdge[count] = edges.length;
const typeOf = (i)=>nodeTypes[0][nodes[i * NF + iType]];
const nameOf = (i)=>strings[nodes[i * NF + iName]];
const sizeOf = (i)=>nodes[i * NF + iSize];
const edgeType = (e)=>edgeTypes[0][edges[e + eType]];
const target = (e)=>edges[e + eTo] / NF;
const stringKind = (text)=>/^[0-9a-f]{8}-[0-9a-f]{4}-/.test(text) ? 'uuid' : /^\d{4}-\d\d-\d\dT/.test(text) ? 'ISO time' : /^[0-9a-f]{64}$/.test(text) ? '64-hex digest' : text.startsWith('{') ? 'JSON text' : 'other';
const kindOf = (i)=>{
    const type = typeOf(i);
    if (type === 'string') return `string: ${stringKind(nameOf(i))}`;
    if (type === 'object' || type === 'hidden' || type === 'native') return `${type}: ${nameOf(i).slice(0, 40)}`;
    return type;
};
const table = (rows, limit)=>{
    for (const [key, [n, bytes]] of [
        ...rows
    ].sort((a, b)=>b[1][1] - a[1][1]).slice(0, limit)){
        console.log(`${(bytes / MiB).toFixed(1).padStart(8)} MiB ${String(n).padStart(9)}  ${key}`);
    }
};
let total = 0;
const byKind = new Map();
for(let i = 0; i < count; i++){
    total += sizeOf(i);
    const key = kindOf(i);
    const row = byKind.get(key) ?? [
        0,
        0
    ];
    row[0] += 1;
    row[1] += sizeOf(i);
    byKind.set(key, row);
}
console.log(`${file}: ${count.toLocaleString('en-US')} objects, ${(total / MiB).toFixed(1)} MiB`);
table(byKind, 25);
/** Code, closures, hidden classes and contexts are shared by everything: a walk does not enter them. */ const shared = (i)=>{
    const type = typeOf(i);
    return type === 'code' || type === 'closure' || type === 'object shape' || type === 'synthetic' || type === 'hidden' && nameOf(i).includes('Map') || type === 'object' && nameOf(i).startsWith('system / Context');
};
const reached = (start)=>{
    const seen = new Set([
        start
    ]);
    const stack = [
        start
    ];
    let bytes = 0;
    while(stack.length > 0){
        const i = stack.pop();
        bytes += sizeOf(i);
        for(let e = firstEdge[i]; e < firstEdge[i + 1]; e += EF){
            const type = edgeType(e);
            if (type === 'weak' || type === 'shortcut') continue;
            const name = strings[edges[e + eName]];
            if (type === 'property' && (name === '__proto__' || name === 'constructor')) continue;
            if (type === 'internal' && name === 'map') continue;
            const to = target(e);
            if (seen.has(to) || shared(to)) continue;
            seen.add(to);
            stack.push(to);
        }
    }
    return {
        bytes,
        objects: seen.size
    };
};
const labelOf = (i)=>{
    for(let e = firstEdge[i]; e < firstEdge[i + 1]; e += EF){
        if (edgeType(e) === 'property' && strings[edges[e + eName]] === 'name' && typeOf(target(e)) === 'string') return ` ${nameOf(target(e))}`;
    }
    return '';
};
console.log('\nbytes reached from each owner (overlapping where they share objects):');
for(let i = 0; i < count; i++){
    if (typeOf(i) !== 'object' || !owners.includes(nameOf(i))) continue;
    const { bytes, objects } = reached(i);
    if (bytes >= MiB / 2) console.log(`${(bytes / MiB).toFixed(1).padStart(8)} MiB ${String(objects).padStart(9)}  ${nameOf(i)}${labelOf(i)}`);
}

//# sourceMappingURL=heap-owners.js.map