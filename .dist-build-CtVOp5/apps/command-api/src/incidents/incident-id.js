"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "incidentIdFromPath", {
    enumerable: true,
    get: function() {
        return incidentIdFromPath;
    }
});
const _contracts = require("../../../../libs/contracts/src");
const _domain = require("../../../../libs/domain/src");
const incidentIdFromPath = (incidentId)=>{
    if (!_contracts.ENTITY_ID_PATTERN.test(incidentId)) throw new _domain.DomainError('INCIDENT_NOT_FOUND', 'no such incident', {});
    return incidentId;
};

//# sourceMappingURL=incident-id.js.map