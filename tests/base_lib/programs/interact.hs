-- interact is lazy: output for each line before the input ends is not needed to
-- match, but the whole transformation must.
main :: IO ()
main = interact (unlines . map (\l -> show (length l) ++ ": " ++ l) . lines)
