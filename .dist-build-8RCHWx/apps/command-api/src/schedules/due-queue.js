/**
 * Keys by the time they fall due, for schedules that must find what is due without scanning
 * everything that waits: a binary min-heap on the due time, O(log n) to add and to take.
 *
 * Removal is lazy. The owner keeps the live entries in a map of its own and passes `isCurrent`
 * when taking what is due, so a key removed (or replaced) since it was queued is skipped then.
 * `compact` rebuilds the heap from the live entries when stale nodes pile up.
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "DueQueue", {
    enumerable: true,
    get: function() {
        return DueQueue;
    }
});
let DueQueue = class DueQueue {
    /** Nodes in the heap, stale ones included. */ get size() {
        return this.heap.length;
    }
    push(key, value, dueAt) {
        this.heap.push({
            dueAt,
            key,
            value
        });
        this.siftUp(this.heap.length - 1);
    }
    /** Removes and returns what is due at `now` (earliest first) and still current, each key once. */ takeDue(now, isCurrent) {
        const due = [];
        const taken = new Set();
        while(this.heap.length > 0 && this.heap[0].dueAt <= now){
            const { key, value } = this.pop();
            if (taken.has(key) || !isCurrent(key, value)) continue;
            taken.add(key);
            due.push({
                key,
                value
            });
        }
        return due;
    }
    /** Starts again from the live entries: O(n), for when most nodes have gone stale. */ compact(live, dueAt) {
        this.heap = [
            ...live
        ].map(([key, value])=>({
                dueAt: dueAt(value),
                key,
                value
            }));
        for(let i = (this.heap.length >> 1) - 1; i >= 0; i--)this.siftDown(i);
    }
    pop() {
        const top = this.heap[0];
        const last = this.heap.pop();
        if (this.heap.length > 0) {
            this.heap[0] = last;
            this.siftDown(0);
        }
        return top;
    }
    siftUp(i) {
        const node = this.heap[i];
        while(i > 0){
            const parent = i - 1 >> 1;
            if (this.heap[parent].dueAt <= node.dueAt) break;
            this.heap[i] = this.heap[parent];
            i = parent;
        }
        this.heap[i] = node;
    }
    siftDown(i) {
        const node = this.heap[i];
        const n = this.heap.length;
        for(;;){
            let child = 2 * i + 1;
            if (child >= n) break;
            if (child + 1 < n && this.heap[child + 1].dueAt < this.heap[child].dueAt) child++;
            if (this.heap[child].dueAt >= node.dueAt) break;
            this.heap[i] = this.heap[child];
            i = child;
        }
        this.heap[i] = node;
    }
    constructor(){
        this.heap = [];
    }
};

//# sourceMappingURL=due-queue.js.map