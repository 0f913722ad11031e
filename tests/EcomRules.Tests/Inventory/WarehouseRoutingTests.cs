using EcomRules.Customers;
using EcomRules.Inventory;

namespace EcomRules.Tests.Inventory;

[Trait("Rule", "WH-1")]
public sealed class WarehouseRoutingTests
{
    [Theory]
    [InlineData("Liaoning")]
    [InlineData("Gansu")]
    [InlineData("Ningxia")]
    [InlineData("Tibet")]
    [InlineData("Xinjiang")]
    [InlineData("Yunnan")]
    [InlineData("Inner Mongolia")]
    public void WH1_RemoteProvinces_ShipFromCentralWarehouse(string province)
        => Assert.Equal(WarehouseId.Central, WarehouseRouting.Default.Route(Province.Parse(province)));

    [Theory]
    [InlineData("Beijing")]
    [InlineData("Guangdong")]
    [InlineData("Hong Kong")]
    public void WH1_OtherProvinces_ShipFromMainWarehouse(string province)
        => Assert.Equal(WarehouseId.Main, WarehouseRouting.Default.Route(Province.Parse(province)));

    [Fact]
    public void WH1_With_ReturnsANewRouting_LeavesTheOriginalUnchanged()
    {
        var south = new WarehouseId("south");
        var custom = WarehouseRouting.Default.With(Province.Guangdong, south);
        Assert.Equal(south, custom.Route(Province.Guangdong));
        Assert.Equal(WarehouseId.Main, WarehouseRouting.Default.Route(Province.Guangdong));
        Assert.Equal(WarehouseId.Central, custom.Route(Province.Tibet));
        Assert.Equal(34, custom.Routes.Count);
    }

    [Fact]
    public void WH1_DefaultProvinceOrWarehouse_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => WarehouseRouting.Default.Route(default));
        Assert.Throws<ArgumentException>(() => WarehouseRouting.AllFrom(default));
        Assert.Throws<ArgumentException>(() => WarehouseRouting.Default.With(Province.Tibet, default));
    }
}
