"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "writeResultsSection", {
    enumerable: true,
    get: function() {
        return writeResultsSection;
    }
});
const _nodefs = require("node:fs");
const writeResultsSection = (resultsPath, section)=>{
    const heading = `${section.slice(0, section.indexOf('\n'))}\n`;
    const current = (0, _nodefs.readFileSync)(resultsPath, 'utf8');
    const start = current.indexOf(heading);
    let updated;
    if (start === -1) updated = `${current.trimEnd()}\n\n${section}`;
    else {
        const end = current.indexOf('\n## ', start + 1);
        updated = `${current.slice(0, start)}${section.trimEnd()}\n${end === -1 ? '' : `\n${current.slice(end + 1)}`}`;
    }
    (0, _nodefs.writeFileSync)(resultsPath, updated.endsWith('\n') ? updated : `${updated}\n`);
};

//# sourceMappingURL=results-file.js.map