using System.Globalization;
using EcomRules.Internal;

namespace EcomRules;

/// <summary>
/// A non-negative amount of Chinese yuan (CNY) with fen precision (two decimal places).
/// </summary>
/// <remarks>
/// <para>Amounts are exact <see cref="decimal"/> values; an amount with more than two decimal places is refused,
/// never rounded silently. Use <see cref="RoundToFen(decimal, MidpointRounding)"/> to round on purpose.</para>
/// <para>Money is never negative: prices, payments, refunds and fees are amounts, and a subtraction that would go
/// below zero throws <see cref="NegativeMoneyException"/>. Compare before subtracting, or use
/// <see cref="SaturatingMinus"/> where "what is left, or nothing" is meant.</para>
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IComparable, ISpanFormattable
{
    /// <summary>The largest amount a <see cref="Money"/> can hold: one trillion yuan less one fen.</summary>
    public const decimal MaxYuan = 999_999_999_999.99m;

    private readonly decimal _amount;

    private Money(decimal amount, bool _) => _amount = amount;

    /// <summary>Creates an amount of yuan.</summary>
    /// <param name="yuan">The amount in yuan; at most two decimal places, zero or more, at most <see cref="MaxYuan"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yuan"/> is negative or above <see cref="MaxYuan"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="yuan"/> has a fraction of a fen.</exception>
    public Money(decimal yuan)
    {
        if (yuan < 0m || yuan > MaxYuan)
        {
            throw new ArgumentOutOfRangeException(nameof(yuan), yuan,
                $"An amount of money must be between 0 and {MaxYuan.ToString(CultureInfo.InvariantCulture)} yuan.");
        }

        var fen = yuan * 100m;
        Preconditions.CheckArgument(fen == decimal.Truncate(fen), nameof(yuan),
            $"{yuan.ToString(CultureInfo.InvariantCulture)} yuan has a fraction of a fen; round it with Money.RoundToFen first.");
        _amount = decimal.Round(yuan, 2);
    }

    /// <summary>Gets zero yuan.</summary>
    public static Money Zero => default;

    /// <summary>Gets the amount in yuan, with two decimal places.</summary>
    public decimal Yuan => decimal.Round(_amount, 2);

    /// <summary>Gets the amount in fen (1 yuan = 100 fen).</summary>
    public long Fen => (long)(_amount * 100m);

    /// <summary>Gets whether the amount is zero.</summary>
    public bool IsZero => _amount == 0m;

    /// <summary>Creates an amount of yuan; the same as the constructor.</summary>
    /// <param name="yuan">The amount in yuan.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yuan"/> is negative or too large.</exception>
    /// <exception cref="ArgumentException"><paramref name="yuan"/> has a fraction of a fen.</exception>
    public static Money FromYuan(decimal yuan) => new(yuan);

    /// <summary>Creates an amount from a number of fen.</summary>
    /// <param name="fen">The amount in fen, zero or more.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fen"/> is negative or too large.</exception>
    public static Money FromFen(long fen)
    {
        Preconditions.CheckNotNegative(fen);
        return new Money(fen / 100m);
    }

    /// <summary>Rounds a yuan amount to whole fen and returns it as money.</summary>
    /// <param name="yuan">The amount in yuan, zero or more.</param>
    /// <param name="rounding">How to round a half fen. The default is banker's rounding (to even).</param>
    /// <returns>The rounded amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yuan"/> is negative or too large.</exception>
    public static Money RoundToFen(decimal yuan, MidpointRounding rounding = MidpointRounding.ToEven)
        => new(decimal.Round(yuan, 2, rounding));

    /// <summary>Returns this amount plus <paramref name="other"/>.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The sum is above <see cref="MaxYuan"/>.</exception>
    public Money Plus(Money other) => new(_amount + other._amount);

    /// <summary>Returns this amount less <paramref name="other"/>.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="NegativeMoneyException"><paramref name="other"/> is larger than this amount.</exception>
    public Money Minus(Money other)
        => other._amount > _amount ? throw new NegativeMoneyException(this, other) : new Money(_amount - other._amount, true);

    /// <summary>Returns this amount less <paramref name="other"/>, or zero when <paramref name="other"/> is larger.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference, never below zero.</returns>
    public Money SaturatingMinus(Money other)
        => other._amount >= _amount ? Zero : new Money(_amount - other._amount, true);

    /// <summary>Returns this amount times a whole quantity.</summary>
    /// <param name="quantity">The quantity, zero or more.</param>
    /// <returns>The product.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is negative, or the product is too large.</exception>
    public Money Times(int quantity)
    {
        Preconditions.CheckNotNegative(quantity);
        return new Money(_amount * quantity);
    }

    /// <summary>Returns the smaller of two amounts.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">The other amount.</param>
    /// <returns>The smaller amount.</returns>
    public static Money Min(Money left, Money right) => left._amount <= right._amount ? left : right;

    /// <summary>Returns the larger of two amounts.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">The other amount.</param>
    /// <returns>The larger amount.</returns>
    public static Money Max(Money left, Money right) => left._amount >= right._amount ? left : right;

    /// <summary>Adds two amounts.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">The other amount.</param>
    /// <returns>The sum.</returns>
    public static Money operator +(Money left, Money right) => left.Plus(right);

    /// <summary>Subtracts one amount from another.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="NegativeMoneyException"><paramref name="right"/> is larger than <paramref name="left"/>.</exception>
    public static Money operator -(Money left, Money right) => left.Minus(right);

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">The other amount.</param>
    /// <returns>Whether <paramref name="left"/> is less.</returns>
    public static bool operator <(Money left, Money right) => left._amount < right._amount;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">The other amount.</param>
    /// <returns>Whether <paramref name="left"/> is greater.</returns>
    public static bool operator >(Money left, Money right) => left._amount > right._amount;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">The other amount.</param>
    /// <returns>Whether <paramref name="left"/> is less or equal.</returns>
    public static bool operator <=(Money left, Money right) => left._amount <= right._amount;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">The other amount.</param>
    /// <returns>Whether <paramref name="left"/> is greater or equal.</returns>
    public static bool operator >=(Money left, Money right) => left._amount >= right._amount;

    /// <summary>Compares two amounts for equality.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">The other amount.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Money left, Money right) => left._amount == right._amount;

    /// <summary>Compares two amounts for inequality.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">The other amount.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Money left, Money right) => left._amount != right._amount;

    /// <inheritdoc />
    public bool Equals(Money other) => _amount == other._amount;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Fen.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Money other) => _amount.CompareTo(other._amount);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException("The object is not Money.", nameof(obj)),
    };

    /// <summary>Formats the amount as <c>CNY 1234.50</c> (invariant culture).</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider)
        => "CNY " + Yuan.ToString(string.IsNullOrEmpty(format) ? "0.00" : format, formatProvider ?? CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (destination.Length < 4)
        {
            return false;
        }

        "CNY ".AsSpan().CopyTo(destination);
        var ok = Yuan.TryFormat(destination[4..], out var written, format.IsEmpty ? "0.00" : format, provider ?? CultureInfo.InvariantCulture);
        charsWritten = ok ? written + 4 : 0;
        return ok;
    }
}
