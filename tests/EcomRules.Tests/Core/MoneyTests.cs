using FsCheck;
using FsCheck.Xunit;

namespace EcomRules.Tests.Core;

public sealed class MoneyTests
{
    [Fact]
    public void Constructor_AcceptsFenPrecision()
    {
        var money = new Money(4999.99m);
        Assert.Equal(4999.99m, money.Yuan);
        Assert.Equal(499_999L, money.Fen);
        Assert.Equal("CNY 4999.99", money.ToString());
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("12.345")]
    public void Constructor_RefusesFractionOfFen(string yuan)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Money(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("fraction of a fen", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RefusesNegative()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new Money(-0.01m));

    [Fact]
    public void Constructor_RefusesAboveMaximum()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new Money(Money.MaxYuan + 0.01m));

    [Fact]
    public void Minus_BelowZero_ThrowsTypedException()
    {
        var ex = Assert.Throws<NegativeMoneyException>(() => new Money(1m).Minus(new Money(1.01m)));
        Assert.Equal(new Money(1m), ex.Minuend);
        Assert.Equal(new Money(1.01m), ex.Subtrahend);
    }

    [Fact]
    public void SaturatingMinus_StopsAtZero()
    {
        Assert.Equal(Money.Zero, new Money(1m).SaturatingMinus(new Money(5m)));
        Assert.Equal(new Money(4m), new Money(5m).SaturatingMinus(new Money(1m)));
    }

    [Fact]
    public void RoundToFen_RoundsOnPurpose()
    {
        Assert.Equal(new Money(0.12m), Money.RoundToFen(0.125m));
        Assert.Equal(new Money(0.13m), Money.RoundToFen(0.125m, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void Times_RefusesNegativeQuantity()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new Money(2m).Times(-1));

    [Fact]
    public void Equality_IgnoresScale()
    {
        Assert.Equal(new Money(5m), new Money(5.00m));
        Assert.Equal(new Money(5m).GetHashCode(), new Money(5.00m).GetHashCode());
    }

    // Any fen count from 0 to uint.MaxValue (not limited by the test size), shrinking towards zero.
    [Property]
    public bool FenRoundTrip_Property(DoNotSize<uint> count)
    {
        long fen = count.Item;
        return Money.FromFen(fen).Fen == fen && Money.FromFen(fen).Yuan * 100m == fen;
    }

    [Property(Arbitrary = [typeof(CoreArbitraries)])]
    public bool PlusThenMinus_IsIdentity_Property(Money x, Money y)
        => (x + y - y) == x && (x + y) >= x && Money.Min(x, y) <= Money.Max(x, y);
}
