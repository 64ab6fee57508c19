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
    get emlFileTransport () {
        return emlFileTransport;
    },
    get fileNameOf () {
        return fileNameOf;
    },
    get smtpTransport () {
        return smtpTransport;
    }
});
const _nodecrypto = require("node:crypto");
const _promises = require("node:fs/promises");
const _nodepath = require("node:path");
const _nodemailer = require("nodemailer");
const smtpTransport = (url)=>{
    const transporter = (0, _nodemailer.createTransport)({
        url,
        pool: true,
        maxConnections: 4,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000
    });
    return {
        kind: 'smtp',
        send: async ({ id: _id, ...mail })=>{
            await transporter.sendMail(mail);
        },
        close: async ()=>transporter.close()
    };
};
const emlFileTransport = (folder)=>{
    const transporter = (0, _nodemailer.createTransport)({
        streamTransport: true,
        buffer: true,
        newline: 'windows'
    });
    let ready;
    return {
        kind: 'eml',
        send: async ({ id, ...mail })=>{
            ready ??= (0, _promises.mkdir)(folder, {
                recursive: true
            });
            await ready;
            const info = await transporter.sendMail(mail);
            const file = (0, _nodepath.join)(folder, `${fileNameOf(id)}.eml`);
            const temporary = (0, _nodepath.join)(folder, `.${fileNameOf(id)}.${(0, _nodecrypto.randomUUID)()}.tmp`);
            try {
                await (0, _promises.writeFile)(temporary, info.message, {
                    flag: 'wx'
                });
                await (0, _promises.rename)(temporary, file);
            } catch (error) {
                await (0, _promises.rm)(temporary, {
                    force: true
                });
                throw error;
            }
        },
        close: async ()=>transporter.close()
    };
};
const fileNameOf = (id)=>id.replace(/[^A-Za-z0-9_-]/g, '_');

//# sourceMappingURL=mail-transport.js.map