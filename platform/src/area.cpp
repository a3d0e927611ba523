// Gives every platform area at least one object while it is being written.
