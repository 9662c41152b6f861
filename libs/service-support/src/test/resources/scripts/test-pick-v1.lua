-- Answers ARGV[1], or nil when it is empty.
if ARGV[1] == '' then return false end
return ARGV[1]
