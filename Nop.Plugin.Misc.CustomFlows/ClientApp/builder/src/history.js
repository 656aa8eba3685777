// Undo keeps whole-definition snapshots (JSON text): restoring one gives back exactly the JSON of that moment,
// and a flow of a few hundred steps is a few tens of kilobytes, so a hundred snapshots cost little.
export class History {
    constructor(limit = 200) {
        this.limit = limit;
        this.undoStack = [];
        this.redoStack = [];
        this.lastKey = null;
    }

    /** Called before an edit; typing in one field is one step, not one per key. */
    record(snapshot, key) {
        if (key && key === this.lastKey) return false;
        this.undoStack.push(snapshot);
        if (this.undoStack.length > this.limit) this.undoStack.shift();
        this.savedRedo = this.redoStack;
        this.redoStack = [];
        this.lastKey = key || null;
        return true;
    }

    /** Takes back the last record when the edit turned out to change nothing; redo stays as it was. */
    discard() {
        this.undoStack.pop();
        this.redoStack = this.savedRedo || [];
        this.lastKey = null;
    }

    /** Ends the coalescing of typing, e.g. when the field loses focus. */
    seal() {
        this.lastKey = null;
    }

    undo(current) {
        if (!this.undoStack.length) return undefined;
        this.redoStack.push(current);
        this.lastKey = null;
        return this.undoStack.pop();
    }

    redo(current) {
        if (!this.redoStack.length) return undefined;
        this.undoStack.push(current);
        this.lastKey = null;
        return this.redoStack.pop();
    }
}
