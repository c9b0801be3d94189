-- Version 11: a posting's board (raw_postings.board, which liveness closes postings by) is kept in
-- lower case. The configuration counts 'Acme' and 'acme' as one board, and the boards' APIs take a slug
-- in any case, but a slug respelled in another case left every posting fetched under the old spelling
-- out of the board's complete fetches: those that left the board were never closed.
UPDATE raw_postings SET board = lower(board) WHERE board <> lower(board);
