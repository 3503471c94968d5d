package money

// Cents is an amount of money in the smallest unit.
type Cents int64
