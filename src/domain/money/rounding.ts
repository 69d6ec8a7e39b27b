/**
 * Integer division with a named rounding rule. Every place that divides money says which rule it
 * uses; charges shown to debtors use "halfUp" (half away from zero, to the minor unit).
 */
export type Rounding = "halfUp" | "halfEven" | "down" | "up" | "floor" | "ceil";

export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  if (denominator < 0n) return divideRounded(-numerator, -denominator, rounding);
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  const sign = numerator < 0n ? -1n : 1n;
  const awayFromZero = quotient + sign;
  const twiceRemainder = 2n * (remainder < 0n ? -remainder : remainder);
  switch (rounding) {
    case "down":
      return quotient;
    case "up":
      return awayFromZero;
    case "floor":
      return sign < 0n ? awayFromZero : quotient;
    case "ceil":
      return sign > 0n ? awayFromZero : quotient;
    case "halfUp":
      return twiceRemainder >= denominator ? awayFromZero : quotient;
    case "halfEven":
      if (twiceRemainder > denominator) return awayFromZero;
      if (twiceRemainder < denominator) return quotient;
      return quotient % 2n === 0n ? quotient : awayFromZero;
  }
}
