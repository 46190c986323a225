// Test only (tests/wayland/sessions.py): never shipped, never installed outside a test's private HOME.
// Unsafe mode lets the tier ask the shell for its windows (Eval), drive input and take screenshots.
class Harness {
    enable() {
        global.context.unsafe_mode = true;
    }

    disable() {
        global.context.unsafe_mode = false;
    }
}

function init() {
    return new Harness();
}
