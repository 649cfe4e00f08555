//! Fixed-point numbers: every quantity is an integer count of 10⁻⁴ canonical units from the
//! moment it is parsed, and every fact (quantity × price, quantity × grain factor) an integer
//! count of 10⁻⁸. Sums of integers are exact; nothing is a float until a figure is written.

/// Decimal places kept for every quantity in canonical units.
pub const SCALE_DIGITS: u32 = 4;
/// 10^SCALE_DIGITS.
pub const SCALE: i64 = 10_000;

/// Decimal places of a fact value: a quantity times a 4-decimal price or factor.
pub const FACT_DIGITS: u32 = 2 * SCALE_DIGITS;
/// Fixed-point scale of fact values: 10^8 canonical units.
pub const FACT_SCALE: i128 = (SCALE as i128) * (SCALE as i128);

const _: () = assert!(FACT_SCALE == 10i128.pow(FACT_DIGITS));
