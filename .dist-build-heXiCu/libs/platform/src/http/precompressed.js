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
    get COMPRESSION_THRESHOLD_BYTES () {
        return COMPRESSION_THRESHOLD_BYTES;
    },
    get PrecompressedBody () {
        return PrecompressedBody;
    },
    get negotiateCoding () {
        return negotiateCoding;
    }
});
const _nodeutil = require("node:util");
const _nodezlib = require("node:zlib");
const _negotiator = /*#__PURE__*/ _interop_require_default(require("negotiator"));
function _interop_require_default(obj) {
    return obj && obj.__esModule ? obj : {
        default: obj
    };
}
const COMPRESSION_THRESHOLD_BYTES = 1024;
const brotli = (0, _nodeutil.promisify)(_nodezlib.brotliCompress);
const gzipped = (0, _nodeutil.promisify)(_nodezlib.gzip);
const negotiateCoding = (acceptEncoding)=>{
    const negotiator = new _negotiator.default({
        headers: {
            'accept-encoding': acceptEncoding
        }
    });
    // negotiator 1.x takes the server's preference as a second argument; its types predate it.
    const encodings = negotiator.encodings;
    const [coding] = encodings.call(negotiator, [
        'br',
        'gzip',
        'identity'
    ], {
        preferred: [
            'br',
            'gzip',
            'identity'
        ]
    });
    return coding ?? 'identity';
};
/**
 * Brotli at quality 5 and gzip at level 6 (zlib's default): quality 11 takes seconds on 10 MB,
 * and a seat map changes with every sale, so each version must be quick to compress.
 */ const BROTLI_QUALITY = 5;
let PrecompressedBody = class PrecompressedBody {
    constructor(identity){
        this.identity = identity;
        this.codings = new Map();
    }
    /** Whether it is worth compressing at all (the transport rule: responses of 1 KB and more). */ get compressible() {
        return this.identity.length >= COMPRESSION_THRESHOLD_BYTES;
    }
    /** The body in this coding, compressed on first use and kept (concurrent callers share one compression). */ encoded(coding) {
        if (coding === 'identity' || !this.compressible) return Promise.resolve(this.identity);
        let bytes = this.codings.get(coding);
        if (!bytes) {
            bytes = coding === 'br' ? brotli(this.identity, {
                params: {
                    [_nodezlib.constants.BROTLI_PARAM_MODE]: _nodezlib.constants.BROTLI_MODE_TEXT,
                    [_nodezlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
                    [_nodezlib.constants.BROTLI_PARAM_SIZE_HINT]: this.identity.length
                }
            }) : gzipped(this.identity);
            // A failed compression is not kept: the next request tries again.
            bytes.catch(()=>this.codings.delete(coding));
            this.codings.set(coding, bytes);
        }
        return bytes;
    }
    /** The coding actually sent for a negotiated one (identity below the threshold). */ codingFor(negotiated) {
        return this.compressible ? negotiated : 'identity';
    }
};

//# sourceMappingURL=precompressed.js.map