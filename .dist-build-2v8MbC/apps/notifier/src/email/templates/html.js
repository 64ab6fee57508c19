/**
 * HTML built with a tagged template that escapes every interpolated value, so a display name or a
 * show name never becomes markup. Only what `html` itself produced (a SafeHtml) goes in as it is.
 */ "use strict";
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
    get SafeHtml () {
        return SafeHtml;
    },
    get escapeHtml () {
        return escapeHtml;
    },
    get html () {
        return html;
    }
});
let SafeHtml = class SafeHtml {
    constructor(value){
        this.value = value;
    }
    toString() {
        return this.value;
    }
};
const ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;'
};
const escapeHtml = (text)=>text.replace(/[&<>"']/g, (character)=>ESCAPES[character]);
const render = (value)=>{
    if (value instanceof SafeHtml) return value.value;
    if (Array.isArray(value)) return value.map((item)=>render(item)).join('');
    return escapeHtml(String(value));
};
const html = (strings, ...values)=>new SafeHtml(strings.reduce((out, part, i)=>out + part + (i < values.length ? render(values[i]) : ''), ''));

//# sourceMappingURL=html.js.map