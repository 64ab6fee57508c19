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
    get layout () {
        return layout;
    },
    get showLine () {
        return showLine;
    }
});
const _html = require("./html");
const SIGNATURE = 'The Tessera box office';
const layout = (email)=>({
        subject: email.subject,
        text: [
            `Hello ${email.displayName},`,
            '',
            ...email.text,
            '',
            `— ${SIGNATURE}`,
            ''
        ].join('\n'),
        html: (0, _html.html)`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${email.subject}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">
<p>Hello ${email.displayName},</p>
${email.html}
<p>— ${SIGNATURE}</p>
</body></html>
`.value
    });
const showLine = (show)=>`${show.name}, ${show.venue}`;

//# sourceMappingURL=layout.js.map