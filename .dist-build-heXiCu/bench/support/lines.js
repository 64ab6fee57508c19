"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "eachLine", {
    enumerable: true,
    get: function() {
        return eachLine;
    }
});
const eachLine = (stream, onLine)=>{
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk)=>{
        pending += chunk;
        let newline;
        while((newline = pending.indexOf('\n')) !== -1){
            const line = pending.slice(0, newline);
            pending = pending.slice(newline + 1);
            onLine(line);
        }
    });
};

//# sourceMappingURL=lines.js.map