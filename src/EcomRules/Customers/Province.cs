using System.Collections.Frozen;
using System.Globalization;
using EcomRules.Internal;

namespace EcomRules.Customers;

/// <summary>
/// One of China's 34 provincial-level divisions (provinces, autonomous regions, municipalities and special
/// administrative regions), identified by its two-digit GB/T 2260 code (11 Beijing … 65 Xinjiang, 71 Taiwan,
/// 81 Hong Kong, 82 Macau).
/// </summary>
/// <remarks>
/// <para>Addresses (CUS-1, CUS-2) and warehouse routing (WH-1) name a province; resident ID numbers (CUS-2) begin
/// with its code.</para>
/// <para><c>default(Province)</c> is no province: its <see cref="Code"/> is 0 and its names are empty. Every
/// method that needs a province refuses it.</para>
/// </remarks>
public readonly record struct Province : IComparable<Province>
{
    // The GB/T 2260 table: code, English name, full Chinese name, short Chinese name, other accepted spellings.
    private static readonly ProvinceInfo[] Table =
    [
        new(11, "Beijing", "北京市", "北京", ["Peking"]),
        new(12, "Tianjin", "天津市", "天津", []),
        new(13, "Hebei", "河北省", "河北", []),
        new(14, "Shanxi", "山西省", "山西", []),
        new(15, "Inner Mongolia", "内蒙古自治区", "内蒙古", ["Nei Mongol", "Nei Menggu", "Inner Mongolia Autonomous Region"]),
        new(21, "Liaoning", "辽宁省", "辽宁", []),
        new(22, "Jilin", "吉林省", "吉林", []),
        new(23, "Heilongjiang", "黑龙江省", "黑龙江", []),
        new(31, "Shanghai", "上海市", "上海", []),
        new(32, "Jiangsu", "江苏省", "江苏", []),
        new(33, "Zhejiang", "浙江省", "浙江", []),
        new(34, "Anhui", "安徽省", "安徽", []),
        new(35, "Fujian", "福建省", "福建", []),
        new(36, "Jiangxi", "江西省", "江西", []),
        new(37, "Shandong", "山东省", "山东", []),
        new(41, "Henan", "河南省", "河南", []),
        new(42, "Hubei", "湖北省", "湖北", []),
        new(43, "Hunan", "湖南省", "湖南", []),
        new(44, "Guangdong", "广东省", "广东", []),
        new(45, "Guangxi", "广西壮族自治区", "广西", ["Guangxi Zhuang", "Guangxi Zhuang Autonomous Region"]),
        new(46, "Hainan", "海南省", "海南", []),
        new(50, "Chongqing", "重庆市", "重庆", []),
        new(51, "Sichuan", "四川省", "四川", []),
        new(52, "Guizhou", "贵州省", "贵州", []),
        new(53, "Yunnan", "云南省", "云南", []),
        new(54, "Tibet", "西藏自治区", "西藏", ["Xizang", "Tibet Autonomous Region", "Xizang Autonomous Region"]),
        new(61, "Shaanxi", "陕西省", "陕西", []),
        new(62, "Gansu", "甘肃省", "甘肃", []),
        new(63, "Qinghai", "青海省", "青海", []),
        new(64, "Ningxia", "宁夏回族自治区", "宁夏", ["Ningxia Hui", "Ningxia Hui Autonomous Region"]),
        new(65, "Xinjiang", "新疆维吾尔自治区", "新疆", ["Xinjiang Uygur", "Xinjiang Uyghur", "Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur Autonomous Region"]),
        new(71, "Taiwan", "台湾省", "台湾", ["臺灣", "台灣"]),
        new(81, "Hong Kong", "香港特别行政区", "香港", ["Hong Kong SAR", "Xianggang"]),
        new(82, "Macau", "澳门特别行政区", "澳门", ["Macao", "Macau SAR", "Macao SAR", "Aomen"]),
    ];

    private const int MaxStackName = 128;
    private static readonly FrozenDictionary<string, Province> ByName = BuildNameIndex();
    private static readonly FrozenDictionary<string, Province>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan = ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Province[] AllProvinces = Enumerable.Range(0, Table.Length).Select(i => new Province(i + 1)).ToArray();

    // 1-based index into Table, so that default(Province) (0) is no province.
    private readonly byte _ordinal;

    private Province(int ordinal) => _ordinal = (byte)ordinal;

    /// <summary>Gets all 34 provincial-level divisions in GB/T 2260 code order.</summary>
    public static IReadOnlyList<Province> All => AllProvinces;

    /// <summary>Gets Beijing (北京市, 11).</summary>
    public static Province Beijing => FromCode(11);

    /// <summary>Gets Tianjin (天津市, 12).</summary>
    public static Province Tianjin => FromCode(12);

    /// <summary>Gets Hebei (河北省, 13).</summary>
    public static Province Hebei => FromCode(13);

    /// <summary>Gets Shanxi (山西省, 14).</summary>
    public static Province Shanxi => FromCode(14);

    /// <summary>Gets Inner Mongolia (内蒙古自治区, 15).</summary>
    public static Province InnerMongolia => FromCode(15);

    /// <summary>Gets Liaoning (辽宁省, 21).</summary>
    public static Province Liaoning => FromCode(21);

    /// <summary>Gets Jilin (吉林省, 22).</summary>
    public static Province Jilin => FromCode(22);

    /// <summary>Gets Heilongjiang (黑龙江省, 23).</summary>
    public static Province Heilongjiang => FromCode(23);

    /// <summary>Gets Shanghai (上海市, 31).</summary>
    public static Province Shanghai => FromCode(31);

    /// <summary>Gets Jiangsu (江苏省, 32).</summary>
    public static Province Jiangsu => FromCode(32);

    /// <summary>Gets Zhejiang (浙江省, 33).</summary>
    public static Province Zhejiang => FromCode(33);

    /// <summary>Gets Anhui (安徽省, 34).</summary>
    public static Province Anhui => FromCode(34);

    /// <summary>Gets Fujian (福建省, 35).</summary>
    public static Province Fujian => FromCode(35);

    /// <summary>Gets Jiangxi (江西省, 36).</summary>
    public static Province Jiangxi => FromCode(36);

    /// <summary>Gets Shandong (山东省, 37).</summary>
    public static Province Shandong => FromCode(37);

    /// <summary>Gets Henan (河南省, 41).</summary>
    public static Province Henan => FromCode(41);

    /// <summary>Gets Hubei (湖北省, 42).</summary>
    public static Province Hubei => FromCode(42);

    /// <summary>Gets Hunan (湖南省, 43).</summary>
    public static Province Hunan => FromCode(43);

    /// <summary>Gets Guangdong (广东省, 44).</summary>
    public static Province Guangdong => FromCode(44);

    /// <summary>Gets Guangxi (广西壮族自治区, 45).</summary>
    public static Province Guangxi => FromCode(45);

    /// <summary>Gets Hainan (海南省, 46).</summary>
    public static Province Hainan => FromCode(46);

    /// <summary>Gets Chongqing (重庆市, 50).</summary>
    public static Province Chongqing => FromCode(50);

    /// <summary>Gets Sichuan (四川省, 51).</summary>
    public static Province Sichuan => FromCode(51);

    /// <summary>Gets Guizhou (贵州省, 52).</summary>
    public static Province Guizhou => FromCode(52);

    /// <summary>Gets Yunnan (云南省, 53).</summary>
    public static Province Yunnan => FromCode(53);

    /// <summary>Gets Tibet (西藏自治区, Xizang, 54).</summary>
    public static Province Tibet => FromCode(54);

    /// <summary>Gets Shaanxi (陕西省, 61).</summary>
    public static Province Shaanxi => FromCode(61);

    /// <summary>Gets Gansu (甘肃省, 62).</summary>
    public static Province Gansu => FromCode(62);

    /// <summary>Gets Qinghai (青海省, 63).</summary>
    public static Province Qinghai => FromCode(63);

    /// <summary>Gets Ningxia (宁夏回族自治区, 64).</summary>
    public static Province Ningxia => FromCode(64);

    /// <summary>Gets Xinjiang (新疆维吾尔自治区, 65).</summary>
    public static Province Xinjiang => FromCode(65);

    /// <summary>Gets Taiwan (台湾省, 71).</summary>
    public static Province Taiwan => FromCode(71);

    /// <summary>Gets Hong Kong (香港特别行政区, 81).</summary>
    public static Province HongKong => FromCode(81);

    /// <summary>Gets Macau (澳门特别行政区, 82).</summary>
    public static Province Macau => FromCode(82);

    /// <summary>Gets the two-digit GB/T 2260 code, for example 44 for Guangdong; 0 for <c>default(Province)</c>.</summary>
    public int Code => IsDefault ? 0 : Info.Code;

    /// <summary>Gets the English name, for example <c>Inner Mongolia</c>; empty for <c>default(Province)</c>.</summary>
    public string EnglishName => IsDefault ? string.Empty : Info.EnglishName;

    /// <summary>Gets the full Chinese name, for example <c>内蒙古自治区</c>; empty for <c>default(Province)</c>.</summary>
    public string ChineseName => IsDefault ? string.Empty : Info.ChineseName;

    /// <summary>Gets the short Chinese name, for example <c>内蒙古</c>; empty for <c>default(Province)</c>.</summary>
    public string ChineseShortName => IsDefault ? string.Empty : Info.ChineseShortName;

    /// <summary>Gets whether this is <c>default(Province)</c>, which is no province.</summary>
    public bool IsDefault => _ordinal == 0;

    /// <summary>Gets the position of this province in <see cref="All"/> (0 to 33).</summary>
    internal int Index => _ordinal - 1;

    private ProvinceInfo Info => Table[_ordinal - 1];

    /// <summary>Returns the province with a GB/T 2260 code.</summary>
    /// <param name="code">The two-digit code, for example 11 for Beijing.</param>
    /// <returns>The province.</returns>
    /// <exception cref="UnknownProvinceException"><paramref name="code"/> is not a provincial-level code.</exception>
    public static Province FromCode(int code)
        => TryFromCode(code, out var province)
            ? province
            : throw new UnknownProvinceException(code.ToString(CultureInfo.InvariantCulture));

    /// <summary>Looks up the province with a GB/T 2260 code.</summary>
    /// <param name="code">The two-digit code, for example 11 for Beijing.</param>
    /// <param name="province">The province, or default when the code is unknown.</param>
    /// <returns>Whether <paramref name="code"/> is a provincial-level code.</returns>
    public static bool TryFromCode(int code, out Province province)
    {
        for (var i = 0; i < Table.Length; i++)
        {
            if (Table[i].Code == code)
            {
                province = new Province(i + 1);
                return true;
            }
        }

        province = default;
        return false;
    }

    /// <summary>
    /// Parses a province from its two-digit code (<c>"15"</c>), its English name in any case and common spellings
    /// (<c>"Inner Mongolia"</c>, <c>"Nei Mongol"</c>, <c>"Tibet"</c>, <c>"Xizang"</c>, with or without
    /// <c>"Province"</c>), or its full or short Chinese name (<c>"内蒙古自治区"</c>, <c>"内蒙古"</c>).
    /// </summary>
    /// <param name="text">The text; leading and trailing white space is ignored.</param>
    /// <returns>The province.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="UnknownProvinceException"><paramref name="text"/> names no province.</exception>
    public static Province Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var province) ? province : throw new UnknownProvinceException(text);
    }

    /// <summary>Parses a province as <see cref="Parse(string)"/> does, returning false instead of throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="province">The province, or default.</param>
    /// <returns>Whether <paramref name="text"/> names a province.</returns>
    public static bool TryParse(string? text, out Province province)
    {
        province = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Length == 2 && char.IsAsciiDigit(trimmed[0]) && char.IsAsciiDigit(trimmed[1]))
        {
            return TryFromCode(((trimmed[0] - '0') * 10) + (trimmed[1] - '0'), out province);
        }

        var buffer = trimmed.Length <= MaxStackName ? stackalloc char[MaxStackName] : new char[trimmed.Length];
        return ByNameSpan.TryGetValue(NameKey(trimmed, buffer), out province);
    }

    /// <summary>Orders provinces by GB/T 2260 code.</summary>
    /// <param name="other">The other province.</param>
    /// <returns>The order.</returns>
    public int CompareTo(Province other) => _ordinal.CompareTo(other._ordinal);

    /// <summary>Returns the English name, for example <c>Guangdong</c>.</summary>
    /// <returns>The English name; empty for <c>default(Province)</c>.</returns>
    public override string ToString() => EnglishName;

    /// <summary>Throws unless <paramref name="province"/> is a real province.</summary>
    internal static Province CheckNotDefault(Province province, string paramName)
    {
        Preconditions.CheckArgument(!province.IsDefault, paramName, "default(Province) is no province; use Province.Parse or a named province.");
        return province;
    }

    private static FrozenDictionary<string, Province> BuildNameIndex()
    {
        var names = new Dictionary<string, Province>(StringComparer.Ordinal);
        for (var i = 0; i < Table.Length; i++)
        {
            var info = Table[i];
            var province = new Province(i + 1);
            foreach (var name in info.Aliases.Append(info.EnglishName).Append(info.ChineseName).Append(info.ChineseShortName))
            {
                names.Add(NameKey(name), province);
            }
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // English names compare without case, spaces, hyphens and a trailing "Province"/"Municipality"/"Sheng"/"Shi".
    private static string NameKey(string name)
    {
        var buffer = new char[name.Length];
        return new string(NameKey(name, buffer));
    }

    // The key written into buffer (at least name's length): a parse looks it up without making a string.
    private static ReadOnlySpan<char> NameKey(ReadOnlySpan<char> name, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        ReadOnlySpan<char> key = buffer[..length];
        foreach (var suffix in (ReadOnlySpan<string>)["province", "municipality", "sheng", "shi"])
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
            {
                return key[..^suffix.Length];
            }
        }

        return key;
    }

    private sealed record ProvinceInfo(int Code, string EnglishName, string ChineseName, string ChineseShortName, string[] Aliases);
}
