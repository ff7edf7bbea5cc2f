/// Tests that drive the program in tmux get `TmuxSession` with `import TestSupport`.
@_exported import TmuxControl
