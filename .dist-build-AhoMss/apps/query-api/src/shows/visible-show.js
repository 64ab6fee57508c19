"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "visibleShow", {
    enumerable: true,
    get: function() {
        return visibleShow;
    }
});
const _domain = require("../../../../libs/domain/src");
const _readmodels = require("../../../../libs/read-models/src");
const visibleShow = async (reads, showId, viewer)=>{
    const doc = await reads.collection((0, _readmodels.collectionName)(_readmodels.seatingDescriptor, _readmodels.SHOW_DETAIL)).findOne({
        _id: showId
    });
    if (!doc || doc.status === 'draft' && !viewer?.roles.includes('admin')) {
        throw new _domain.DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`, {
            showId
        });
    }
    return doc;
};

//# sourceMappingURL=visible-show.js.map