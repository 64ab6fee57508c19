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
    get CorruptSnapshotError () {
        return CorruptSnapshotError;
    },
    get decodeSnapshot () {
        return decodeSnapshot;
    },
    get openSnapshotFile () {
        return openSnapshotFile;
    },
    get readSnapshotText () {
        return readSnapshotText;
    },
    get writeSnapshotFile () {
        return writeSnapshotFile;
    }
});
const _nodecrypto = require("node:crypto");
const _promises = require("node:fs/promises");
const _nodepath = require("node:path");
const _nodereadline = require("node:readline");
/**
 * The read-store snapshot file: a header line `tessera-read-store-snapshot v1 <sha256>` followed
 * by NDJSON, one line per collection and one per document. The checksum covers everything after
 * the header, so a torn or edited file is refused as a whole and the projector rebuilds from the
 * log instead of serving a half-restored model.
 */ const MAGIC = 'tessera-read-store-snapshot';
const VERSION = 'v1';
/**
 * Text encoded into one write of `writeSnapshotFile`, at most (or one document, if larger). A
 * slice stays below V8's large-object size (128 KB), so it dies young like any other garbage; a
 * larger one goes straight to the old generation and stays there until a full collection.
 */ const SLICE_CHARS = 64 * 1024;
/** The header's length is fixed (the checksum is 64 hex digits), so it can be written last. */ const headerLine = (checksum)=>`${MAGIC} ${VERSION} ${checksum}\n`;
const HEADER_BYTES = Buffer.byteLength(headerLine('0'.repeat(64)));
const writeSnapshotFile = async (path, collections)=>{
    const temporary = `${path}.tmp-${process.pid}`;
    await (0, _promises.mkdir)((0, _nodepath.dirname)(path), {
        recursive: true
    });
    const hash = (0, _nodecrypto.createHash)('sha256');
    let documents = 0;
    let bytes = HEADER_BYTES;
    const file = await (0, _promises.open)(temporary, 'w');
    try {
        let slice = [];
        let sliceChars = 0;
        let first = true;
        const endSlice = async ()=>{
            if (slice.length === 0) return;
            const part = (first ? '' : '\n') + slice.join('\n');
            first = false;
            slice = [];
            sliceChars = 0;
            hash.update(part);
            const buffer = Buffer.from(part, 'utf8');
            await file.write(buffer, 0, buffer.length, bytes);
            bytes += buffer.length;
        };
        const add = async (line)=>{
            if (sliceChars + line.length > SLICE_CHARS) await endSlice();
            slice.push(line);
            sliceChars += line.length + 1;
        };
        for (const collection of collections){
            await add(JSON.stringify({
                collection: collection.name,
                indexes: collection.indexes
            }));
            for (const document of collection.documents){
                await add(JSON.stringify(document));
                documents += 1;
            }
        }
        await endSlice();
        await file.write(headerLine(hash.digest('hex')), 0, 'utf8');
        await file.sync();
    } catch (error) {
        await file.close();
        await (0, _promises.unlink)(temporary).catch(()=>undefined);
        throw error;
    }
    await file.close();
    await renameDurably(temporary, path);
    return {
        bytes,
        documents
    };
};
let CorruptSnapshotError = class CorruptSnapshotError extends Error {
    constructor(reason){
        super(`read-store snapshot is unusable: ${reason}`);
        this.name = 'CorruptSnapshotError';
    }
};
const decodeSnapshot = (text)=>{
    const newline = text.indexOf('\n');
    const header = (newline === -1 ? text : text.slice(0, newline)).split(' ');
    if (header.length !== 3 || header[0] !== MAGIC) throw new CorruptSnapshotError('no snapshot header');
    if (header[1] !== VERSION) throw new CorruptSnapshotError(`unknown format ${header[1]}`);
    const body = newline === -1 ? '' : text.slice(newline + 1);
    const checksum = (0, _nodecrypto.createHash)('sha256').update(body).digest('hex');
    if (checksum !== header[2]) throw new CorruptSnapshotError('checksum mismatch');
    const collections = [];
    if (body === '') return collections;
    for (const line of body.split('\n')){
        const parsed = JSON.parse(line);
        if (typeof parsed.collection === 'string' && !('_id' in parsed)) {
            collections.push({
                name: parsed.collection,
                indexes: parsed.indexes,
                documents: []
            });
            continue;
        }
        const current = collections[collections.length - 1];
        if (!current) throw new CorruptSnapshotError('document before any collection');
        current.documents.push(parsed);
    }
    return collections;
};
const openSnapshotFile = async (path)=>{
    let handle;
    try {
        handle = await (0, _promises.open)(path, 'r');
    } catch (error) {
        if (error.code === 'ENOENT') return null;
        throw error;
    }
    return snapshotEntries(handle);
};
async function* snapshotEntries(handle) {
    const lines = (0, _nodereadline.createInterface)({
        input: handle.createReadStream({
            encoding: 'utf8'
        }),
        crlfDelay: Infinity
    });
    try {
        let checksum;
        let inCollection = false;
        let first = true;
        const hash = (0, _nodecrypto.createHash)('sha256');
        for await (const line of lines){
            if (checksum === undefined) {
                const header = line.split(' ');
                if (header.length !== 3 || header[0] !== MAGIC) throw new CorruptSnapshotError('no snapshot header');
                if (header[1] !== VERSION) throw new CorruptSnapshotError(`unknown format ${header[1]}`);
                checksum = header[2];
                continue;
            }
            // The body is its lines joined by newlines, with none at the end, as it was hashed.
            hash.update(first ? line : `\n${line}`);
            first = false;
            const parsed = JSON.parse(line);
            if (typeof parsed.collection === 'string' && !('_id' in parsed)) {
                inCollection = true;
                yield {
                    kind: 'collection',
                    name: parsed.collection,
                    indexes: parsed.indexes
                };
                continue;
            }
            if (!inCollection) throw new CorruptSnapshotError('document before any collection');
            yield {
                kind: 'document',
                document: parsed
            };
        }
        if (checksum === undefined) throw new CorruptSnapshotError('no snapshot header');
        if (hash.digest('hex') !== checksum) throw new CorruptSnapshotError('checksum mismatch');
    } finally{
        lines.close();
        await handle.close();
    }
}
/** Renames a synced file into place and syncs the folder, so the rename itself survives a crash. */ const renameDurably = async (temporary, path)=>{
    try {
        await (0, _promises.rename)(temporary, path);
    } catch (error) {
        await (0, _promises.unlink)(temporary).catch(()=>undefined);
        throw error;
    }
    const directory = await (0, _promises.open)((0, _nodepath.dirname)(path), 'r');
    try {
        await directory.sync();
    } finally{
        await directory.close();
    }
};
const readSnapshotText = async (path)=>{
    try {
        return await (0, _promises.readFile)(path, 'utf8');
    } catch (error) {
        if (error.code === 'ENOENT') return null;
        throw error;
    }
};

//# sourceMappingURL=snapshot-file.js.map