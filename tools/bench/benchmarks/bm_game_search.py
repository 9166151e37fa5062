"""Board-game search: alpha-beta minimax on connect-four positions with a
transposition table (lists, tuples, dicts, recursion)."""

ROWS, COLS = 6, 7
LINES = []
for r in range(ROWS):
    for c in range(COLS):
        for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
            cells = [(r + dr * k, c + dc * k) for k in range(4)]
            if all(0 <= rr < ROWS and 0 <= cc < COLS for rr, cc in cells):
                LINES.append([rr * COLS + cc for rr, cc in cells])


def score(board):
    total = 0
    for line in LINES:
        a = b = 0
        for i in line:
            v = board[i]
            if v == 1:
                a += 1
            elif v == 2:
                b += 1
        if a == 4:
            return 100000
        if b == 4:
            return -100000
        if b == 0:
            total += (0, 1, 4, 16)[a]
        elif a == 0:
            total -= (0, 1, 4, 16)[b]
    return total


def moves(board):
    order = (3, 2, 4, 1, 5, 0, 6)
    out = []
    for c in order:
        for r in range(ROWS):
            if board[r * COLS + c] == 0:
                out.append(r * COLS + c)
                break
    return out


def search(board, depth, alpha, beta, player, table):
    key = (tuple(board), depth, player)
    hit = table.get(key)
    if hit is not None:
        return hit
    s = score(board)
    if depth == 0 or abs(s) >= 100000:
        return s
    ms = moves(board)
    if not ms:
        return 0
    if player == 1:
        best = -10 ** 9
        for m in ms:
            board[m] = 1
            best = max(best, search(board, depth - 1, alpha, beta, 2, table))
            board[m] = 0
            alpha = max(alpha, best)
            if alpha >= beta:
                break
    else:
        best = 10 ** 9
        for m in ms:
            board[m] = 2
            best = min(best, search(board, depth - 1, alpha, beta, 1, table))
            board[m] = 0
            beta = min(beta, best)
            if alpha >= beta:
                break
    table[key] = best
    return best


def bench():
    board = [0] * (ROWS * COLS)
    for i, col in enumerate((3, 3, 2, 4)):
        for r in range(ROWS):
            if board[r * COLS + col] == 0:
                board[r * COLS + col] = 1 + i % 2
                break
    return search(board, 7, -10 ** 9, 10 ** 9, 1, {})


def check(result):
    return result == EXPECTED


EXPECTED = 13
