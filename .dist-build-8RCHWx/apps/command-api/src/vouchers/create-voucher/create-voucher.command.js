"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CreateVoucherCommand", {
    enumerable: true,
    get: function() {
        return CreateVoucherCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let CreateVoucherCommand = class CreateVoucherCommand extends _cqrs.Command {
    constructor(showId, voucher, context){
        super(), this.showId = showId, this.voucher = voucher, this.context = context;
    }
};

//# sourceMappingURL=create-voucher.command.js.map