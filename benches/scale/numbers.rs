//! Cheap number formatting and a small deterministic random generator for the country.

/// Appends `v` in decimal.
pub fn put_u64(out: &mut Vec<u8>, mut v: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Appends the fixed-point number `v` × 10^-`decimals`: `354.5`, `12.05`, or `354` when the
/// fraction is zero.
pub fn put_fixed(out: &mut Vec<u8>, v: u64, decimals: u32) {
    let scale = 10u64.pow(decimals);
    put_u64(out, v / scale);
    let frac = v % scale;
    if frac != 0 {
        out.push(b'.');
        let mut digits = [b'0'; 8];
        let mut f = frac;
        for d in digits[..decimals as usize].iter_mut().rev() {
            *d = b'0' + (f % 10) as u8;
            f /= 10;
        }
        out.extend_from_slice(&digits[..decimals as usize]);
    }
}

/// SplitMix64: fast, deterministic, and seedable per village and year.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut r = Rng(seed);
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// `v` scaled by a factor in (1000 ± `permille`) / 1000, rounded.
    pub fn vary(&mut self, v: u64, permille: u64) -> u64 {
        (v * self.range(1000 - permille, 1000 + permille) + 500) / 1000
    }
}
