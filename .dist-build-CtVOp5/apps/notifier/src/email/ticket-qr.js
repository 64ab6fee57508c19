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
    get QR_OPTIONS () {
        return QR_OPTIONS;
    },
    get ticketQrPng () {
        return ticketQrPng;
    }
});
const _nodezlib = require("node:zlib");
const _qrcode = require("qrcode");
const QR_OPTIONS = {
    errorCorrectionLevel: 'M',
    margin: 4,
    scale: 6
};
const PNG_SIGNATURE = Buffer.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a
]);
const chunk = (type, data)=>{
    const typeAndData = Buffer.concat([
        Buffer.from(type, 'ascii'),
        data
    ]);
    const frame = Buffer.alloc(12 + data.length);
    frame.writeUInt32BE(data.length, 0);
    typeAndData.copy(frame, 4);
    frame.writeUInt32BE((0, _nodezlib.crc32)(typeAndData), 8 + data.length);
    return frame;
};
const ticketQrPng = (code)=>{
    const { modules } = (0, _qrcode.create)(code, {
        errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel
    });
    const { margin, scale } = QR_OPTIONS;
    const side = (modules.size + 2 * margin) * scale;
    const stride = side + 1; // a filter byte (0: none), then one byte a pixel
    const rows = Buffer.alloc(stride * side, 0xff);
    for(let y = 0; y < side; y++){
        rows[y * stride] = 0;
        const row = Math.floor(y / scale) - margin;
        if (row < 0 || row >= modules.size) continue;
        for(let col = 0; col < modules.size; col++){
            if (modules.get(row, col)) rows.fill(0, y * stride + 1 + (col + margin) * scale, y * stride + 1 + (col + margin + 1) * scale);
        }
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(side, 0);
    header.writeUInt32BE(side, 4);
    header[8] = 8; // bits a sample
    header[9] = 0; // greyscale
    return Buffer.concat([
        PNG_SIGNATURE,
        chunk('IHDR', header),
        chunk('IDAT', (0, _nodezlib.deflateSync)(rows)),
        chunk('IEND', Buffer.alloc(0))
    ]);
};

//# sourceMappingURL=ticket-qr.js.map