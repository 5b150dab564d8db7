import YieldStrip

/// 64 `executeTradeCore` cases of the reference vectors (`market_trade.json`: of the trades that execute,
/// 64 evenly spaced through the file): markets of every size the vectors hold (pools up to ~1e30 wei),
/// both directions. The batch
/// rows on them measure the door where 256-bit arithmetic costs the most.
struct VectorTradeCase {
    var totalPt, totalSy, totalLp, scalarRoot: String
    var expiry: Int64
    var lnFeeRateRoot: String
    var reserveFeePercent: Int64
    var lastLnImpliedRate, pyIndex: String
    var blockTime: Int64
    var netPtToAccount: String

    /// The request line (`id` first, as a script writes it).
    func line(id: Int) -> String {
        #"{"op":"executeTradeCore","id":\#(id),"market":{"totalPt":"\#(totalPt)","totalSy":"\#(totalSy)","totalLp":"\#(totalLp)","scalarRoot":"\#(scalarRoot)","expiry":\#(expiry),"lnFeeRateRoot":"\#(lnFeeRateRoot)","reserveFeePercent":\#(reserveFeePercent),"lastLnImpliedRate":"\#(lastLnImpliedRate)"},"pyIndex":"\#(pyIndex)","blockTime":\#(blockTime),"netPtToAccount":"\#(netPtToAccount)"}"#
    }

    /// The same case as library values (the texts are the vectors' decimal wei, valid by construction).
    var inputs: (market: MarketState<Wad>, pyIndex: Wad, netPtToAccount: Wad)? {
        func wad(_ text: String) -> Wad? { Int256(text).map { Wad(raw: $0) } }
        guard let totalPt = wad(totalPt), let totalSy = wad(totalSy), let totalLp = wad(totalLp), let scalarRoot = wad(scalarRoot),
            let lnFeeRateRoot = wad(lnFeeRateRoot), let lastLnImpliedRate = wad(lastLnImpliedRate), let pyIndex = wad(pyIndex),
            let netPt = wad(netPtToAccount)
        else { return nil }
        return (
            MarketState(
                totalPt: totalPt, totalSy: totalSy, totalLp: totalLp, scalarRoot: scalarRoot, expiry: expiry,
                lnFeeRateRoot: lnFeeRateRoot, reserveFeePercent: reserveFeePercent, lastLnImpliedRate: lastLnImpliedRate),
            pyIndex, netPt
        )
    }

    static let all: [VectorTradeCase] = [
        VectorTradeCase(
            totalPt: "42675124801599874810509", totalSy: "23400996904757824483790", totalLp: "34234640200335245602657",
            scalarRoot: "22852269948635266137", expiry: 1_747_840_452, lnFeeRateRoot: "127502200452136",
            reserveFeePercent: 80, lastLnImpliedRate: "999500333083533", pyIndex: "2252676539648950812", blockTime: 1_747_836_852,
            netPtToAccount: "1000000000"),
        VectorTradeCase(
            totalPt: "2585970452443892580761955", totalSy: "2215394500437948317238673", totalLp: "3306678837953264534583042",
            scalarRoot: "17901825023556233103", expiry: 1_718_886_411, lnFeeRateRoot: "1792654355262933",
            reserveFeePercent: 0, lastLnImpliedRate: "102176126542175567", pyIndex: "1767918418869584987", blockTime: 1_718_309_999,
            netPtToAccount: "-50310045580914737161"),
        VectorTradeCase(
            totalPt: "20200104204894300212", totalSy: "34953534399599001652", totalLp: "23745048373908129787", scalarRoot: "135256545141555052495",
            expiry: 1_742_047_923, lnFeeRateRoot: "5828865471730858",
            reserveFeePercent: 80, lastLnImpliedRate: "2517431031925411", pyIndex: "1000000000000000844", blockTime: 1_742_044_283,
            netPtToAccount: "-36164742081"),
        VectorTradeCase(
            totalPt: "215098250699900801300508", totalSy: "160070518976371901635572", totalLp: "297133844960366213694707",
            scalarRoot: "30108512403439627938", expiry: 1_739_946_239, lnFeeRateRoot: "0",
            reserveFeePercent: 64, lastLnImpliedRate: "524897195819621575", pyIndex: "1661084563182124521", blockTime: 1_739_942_045,
            netPtToAccount: "6647258244731673067"),
        VectorTradeCase(
            totalPt: "260847625462950296407202806", totalSy: "217260083715652773166362872", totalLp: "203385713939915970173268326",
            scalarRoot: "5669536357874760309", expiry: 1_743_313_468, lnFeeRateRoot: "835988069813940",
            reserveFeePercent: 80, lastLnImpliedRate: "594924137654183633", pyIndex: "2738150686833684092", blockTime: 1_737_345_006,
            netPtToAccount: "-105832625866002878"),
        VectorTradeCase(
            totalPt: "20636549478140975389328956198", totalSy: "5551670532826833739171983020", totalLp: "19712705262338553698777842608",
            scalarRoot: "152206055108356097169", expiry: 1_752_532_711, lnFeeRateRoot: "21604911798779461",
            reserveFeePercent: 80, lastLnImpliedRate: "219370456222480803", pyIndex: "2245948434689516153", blockTime: 1_730_276_343,
            netPtToAccount: "22497924839654993"),
        VectorTradeCase(
            totalPt: "80336088873128843982", totalSy: "27509559850927655668", totalLp: "25439343091169796462", scalarRoot: "78861324867179961450",
            expiry: 1_734_386_570, lnFeeRateRoot: "685655564215534",
            reserveFeePercent: 80, lastLnImpliedRate: "1375436579190469", pyIndex: "1536688276984885097", blockTime: 1_733_807_353,
            netPtToAccount: "-9586139484090"),
        VectorTradeCase(
            totalPt: "4353672372579443630927", totalSy: "6606437226076213423677", totalLp: "3200414088580153709006",
            scalarRoot: "16817803189055182278", expiry: 1_734_730_510, lnFeeRateRoot: "200814677570552",
            reserveFeePercent: 80, lastLnImpliedRate: "1452723792317663", pyIndex: "1000000000000000000", blockTime: 1_730_810_241,
            netPtToAccount: "9667895019224"),
        VectorTradeCase(
            totalPt: "422863305314711093252955", totalSy: "2719735036265367875133135", totalLp: "1879035897485950475104786",
            scalarRoot: "9978218373455146246", expiry: 1_787_762_027, lnFeeRateRoot: "145788984642331",
            reserveFeePercent: 100, lastLnImpliedRate: "4627124218490437", pyIndex: "2095270111394415037", blockTime: 1_787_757_082,
            netPtToAccount: "177922635047167417"),
        VectorTradeCase(
            totalPt: "4091718987422321635", totalSy: "1802431534664557003", totalLp: "4221418138237316138", scalarRoot: "97932980296152901033",
            expiry: 1_776_412_089, lnFeeRateRoot: "1223652103722294",
            reserveFeePercent: 80, lastLnImpliedRate: "301152828422295948", pyIndex: "1255123616712915055", blockTime: 1_724_763_513,
            netPtToAccount: "2875597346957128704"),
        VectorTradeCase(
            totalPt: "996751566295064224935147515483", totalSy: "162353149533085822924799958378", totalLp: "561302871928700858108131421291",
            scalarRoot: "6496074917790738306", expiry: 1_705_584_739, lnFeeRateRoot: "0",
            reserveFeePercent: 100, lastLnImpliedRate: "4693507453438895", pyIndex: "2415716749088450675", blockTime: 1_701_960_572,
            netPtToAccount: "8640336829533840738987470308"),
        VectorTradeCase(
            totalPt: "2332139842408817311706108965", totalSy: "942388789533327936381063282", totalLp: "2633488502801720965673320122",
            scalarRoot: "5857184357131079672", expiry: 1_730_862_198, lnFeeRateRoot: "20584827187873098",
            reserveFeePercent: 0, lastLnImpliedRate: "4247031010573821", pyIndex: "1754966450666150961", blockTime: 1_730_633_442,
            netPtToAccount: "-488699126260942000619738"),
        VectorTradeCase(
            totalPt: "924503863782712231285612", totalSy: "308539809766807868864564", totalLp: "812625877929438394872326",
            scalarRoot: "8418809144819483254", expiry: 1_773_060_774, lnFeeRateRoot: "1114187664932598",
            reserveFeePercent: 80, lastLnImpliedRate: "223146856190416828", pyIndex: "2831060556588043911", blockTime: 1_760_392_853,
            netPtToAccount: "-994859545325"),
        VectorTradeCase(
            totalPt: "35226503171087890506129576", totalSy: "18139931451370895052353442", totalLp: "13418851352225010373982569",
            scalarRoot: "32985175406726459497", expiry: 1_754_328_288, lnFeeRateRoot: "0",
            reserveFeePercent: 80, lastLnImpliedRate: "639802247768721572", pyIndex: "2129085453944716733", blockTime: 1_754_273_003,
            netPtToAccount: "129781634075425"),
        VectorTradeCase(
            totalPt: "10519265694172124510334187", totalSy: "1763901314267444069401491", totalLp: "6020910937985126809626964",
            scalarRoot: "41264289875420527370", expiry: 1_700_947_788, lnFeeRateRoot: "640650692320378",
            reserveFeePercent: 100, lastLnImpliedRate: "679585641552260581", pyIndex: "2859088174977376083", blockTime: 1_700_928_597,
            netPtToAccount: "-4420652786104252733743771"),
        VectorTradeCase(
            totalPt: "462218177734105520016628", totalSy: "499903412045852917475836", totalLp: "341888286875702698142855",
            scalarRoot: "30932041522799108819", expiry: 1_752_452_803, lnFeeRateRoot: "125138037259603",
            reserveFeePercent: 100, lastLnImpliedRate: "30506395137480254", pyIndex: "1403592085461985954", blockTime: 1_752_342_809,
            netPtToAccount: "-227960117658259"),
        VectorTradeCase(
            totalPt: "207716549132058168793807617350", totalSy: "130637372601117522937132790203", totalLp: "156940509582828754128889106126",
            scalarRoot: "119237438505050927567", expiry: 1_721_747_452, lnFeeRateRoot: "1583109759401656",
            reserveFeePercent: 80, lastLnImpliedRate: "3905570576737285", pyIndex: "1000000000000000000", blockTime: 1_721_315_784,
            netPtToAccount: "510"),
        VectorTradeCase(
            totalPt: "1741678267226476211997065231", totalSy: "3606107031725289204149805804", totalLp: "2327119953640057299043115693",
            scalarRoot: "64813723680684364348", expiry: 1_740_283_698, lnFeeRateRoot: "830178056332084",
            reserveFeePercent: 80, lastLnImpliedRate: "1710034622039867", pyIndex: "1634554831407235821", blockTime: 1_740_267_442,
            netPtToAccount: "-67564552443250002821645008"),
        VectorTradeCase(
            totalPt: "433544332004506631530", totalSy: "3682067776586723434914", totalLp: "2258782202257631941989",
            scalarRoot: "11802233465027259010", expiry: 1_843_245_949, lnFeeRateRoot: "761467965130018",
            reserveFeePercent: 80, lastLnImpliedRate: "100377081198083489", pyIndex: "1241583031922357524", blockTime: 1_792_317_154,
            netPtToAccount: "25788681389"),
        VectorTradeCase(
            totalPt: "110363003582945867746397", totalSy: "24614853667838585426442", totalLp: "42798881126531446868569",
            scalarRoot: "73317098237834346799", expiry: 1_790_378_986, lnFeeRateRoot: "425455909366081",
            reserveFeePercent: 57, lastLnImpliedRate: "3078844003870030", pyIndex: "1220326238086899468", blockTime: 1_790_362_543,
            netPtToAccount: "-1254693301120845218622"),
        VectorTradeCase(
            totalPt: "50276434898389113667", totalSy: "16238940638314722634", totalLp: "55007623572182930565", scalarRoot: "10550690709265471794",
            expiry: 1_783_080_746, lnFeeRateRoot: "1206136186764715",
            reserveFeePercent: 80, lastLnImpliedRate: "666098752229049652", pyIndex: "2604326899548125671", blockTime: 1_720_014_705,
            netPtToAccount: "12468252814935132915"),
        VectorTradeCase(
            totalPt: "3072581198405466414", totalSy: "3971266757182501972", totalLp: "4886346249535371661", scalarRoot: "38753179915683846332",
            expiry: 1_745_489_732, lnFeeRateRoot: "320074716457983",
            reserveFeePercent: 0, lastLnImpliedRate: "1862569903856950", pyIndex: "1150412086422107445", blockTime: 1_740_495_073,
            netPtToAccount: "24307083421249"),
        VectorTradeCase(
            totalPt: "31692787117405271656385", totalSy: "3556865577474153159213", totalLp: "12057116929088513562821",
            scalarRoot: "134320248618783708211", expiry: 1_802_961_946, lnFeeRateRoot: "224437762853305",
            reserveFeePercent: 0, lastLnImpliedRate: "24630177668804981", pyIndex: "2880873779878208939", blockTime: 1_739_901_036,
            netPtToAccount: "-31800522541548"),
        VectorTradeCase(
            totalPt: "174821945199820925830123002585", totalSy: "84559929403476735705764958237", totalLp: "166849781179739105083839814270",
            scalarRoot: "97219054006723865087", expiry: 1_741_514_207, lnFeeRateRoot: "4513747748984192",
            reserveFeePercent: 80, lastLnImpliedRate: "214860644937421570", pyIndex: "2175918966547877317", blockTime: 1_741_144_730,
            netPtToAccount: "311867814022745358871"),
        VectorTradeCase(
            totalPt: "1225856243874297496366", totalSy: "619307197446111008965", totalLp: "670404460395726581630", scalarRoot: "25549730393266850072",
            expiry: 1_785_256_094, lnFeeRateRoot: "4374923061292155",
            reserveFeePercent: 34, lastLnImpliedRate: "111352146905390703", pyIndex: "2944365961303317478", blockTime: 1_766_992_979,
            netPtToAccount: "36"),
        VectorTradeCase(
            totalPt: "20483433012400095789846196", totalSy: "3558172078957547407257282", totalLp: "10707580697014959423971289",
            scalarRoot: "35517882572142167063", expiry: 1_711_736_364, lnFeeRateRoot: "1762365348339404",
            reserveFeePercent: 80, lastLnImpliedRate: "3854811854096964", pyIndex: "1611329924429387274", blockTime: 1_710_188_172,
            netPtToAccount: "58845068555668380713755"),
        VectorTradeCase(
            totalPt: "1208980387304209323362909242", totalSy: "809602688909392280450387436", totalLp: "1899343627143554602279280001",
            scalarRoot: "98294095649258911771", expiry: 1_744_689_529, lnFeeRateRoot: "201723433943926",
            reserveFeePercent: 80, lastLnImpliedRate: "689171672455502151", pyIndex: "1748248024900583207", blockTime: 1_744_685_919,
            netPtToAccount: "-86351602225359553042"),
        VectorTradeCase(
            totalPt: "20882474411374725786663", totalSy: "22829575979374913898998", totalLp: "14947659424728233376569",
            scalarRoot: "27225821024589668227", expiry: 1_771_770_569, lnFeeRateRoot: "4137333534372917",
            reserveFeePercent: 80, lastLnImpliedRate: "96497581927427865", pyIndex: "1000000000000000000", blockTime: 1_771_766_967,
            netPtToAccount: "-21081093963744928355283"),
        VectorTradeCase(
            totalPt: "2178465118151759439", totalSy: "3274124278948549426", totalLp: "3668976816985707193", scalarRoot: "5352762801435537122",
            expiry: 1_708_781_948, lnFeeRateRoot: "23571764237801608",
            reserveFeePercent: 80, lastLnImpliedRate: "1707724229889528", pyIndex: "1000000000000000000", blockTime: 1_706_600_707,
            netPtToAccount: "-6439578745983"),
        VectorTradeCase(
            totalPt: "899043501596952567945520", totalSy: "374846920030629619589865", totalLp: "762159123637790384751998",
            scalarRoot: "175288929807670007799", expiry: 1_823_492_339, lnFeeRateRoot: "0",
            reserveFeePercent: 80, lastLnImpliedRate: "3830075742975417", pyIndex: "1000000000000000754", blockTime: 1_799_943_256,
            netPtToAccount: "-441752870852817"),
        VectorTradeCase(
            totalPt: "294166223178169989409349936", totalSy: "217148996278012152256661958", totalLp: "190768982070901159202261193",
            scalarRoot: "72346173395083131854", expiry: 1_731_720_454, lnFeeRateRoot: "155800599973024",
            reserveFeePercent: 80, lastLnImpliedRate: "7059478068377853", pyIndex: "1805508327662955475", blockTime: 1_731_716_848,
            netPtToAccount: "6271675098101732868140"),
        VectorTradeCase(
            totalPt: "2532825428535486388351647", totalSy: "441233103941718524854021", totalLp: "817760618070399804664688",
            scalarRoot: "8604027919975060388", expiry: 1_737_161_158, lnFeeRateRoot: "910103036474054",
            reserveFeePercent: 80, lastLnImpliedRate: "149581316530172197", pyIndex: "1691737337927637263", blockTime: 1_736_698_621,
            netPtToAccount: "-98037651990351085931"),
        VectorTradeCase(
            totalPt: "7077531111288531975361", totalSy: "2011877035913862646184", totalLp: "2974505559648819174599",
            scalarRoot: "17389736833834322547", expiry: 1_714_788_552, lnFeeRateRoot: "1045854721569580",
            reserveFeePercent: 80, lastLnImpliedRate: "2351905853416664", pyIndex: "2460799038583193786", blockTime: 1_711_882_923,
            netPtToAccount: "-4469690828243920015702"),
        VectorTradeCase(
            totalPt: "82570795917810345610610778722", totalSy: "9187170313071967967579971428", totalLp: "25972769471934298887448567685",
            scalarRoot: "12197774304611677314", expiry: 1_802_485_966, lnFeeRateRoot: "102532020782536",
            reserveFeePercent: 80, lastLnImpliedRate: "672898315958244278", pyIndex: "2820732068610683447", blockTime: 1_793_700_287,
            netPtToAccount: "-533274755593786516557529611"),
        VectorTradeCase(
            totalPt: "39879389867989616404244543550", totalSy: "37278598564989900724807726891", totalLp: "30911960328582269521908569186",
            scalarRoot: "77524661738207920868", expiry: 1_779_389_095, lnFeeRateRoot: "1036329832068337",
            reserveFeePercent: 52, lastLnImpliedRate: "64403949560969539", pyIndex: "2053356862665398951", blockTime: 1_775_979_437,
            netPtToAccount: "-2099482928491413144"),
        VectorTradeCase(
            totalPt: "30557757190865478090310739", totalSy: "7656268690885412396833788", totalLp: "15735353699129781710771970",
            scalarRoot: "12273505879895131467", expiry: 1_709_121_440, lnFeeRateRoot: "2515872975342061",
            reserveFeePercent: 100, lastLnImpliedRate: "24693869812756997", pyIndex: "1807782007502328780", blockTime: 1_709_109_748,
            netPtToAccount: "32298578232478650797"),
        VectorTradeCase(
            totalPt: "195954507465141508473", totalSy: "131193833367678517238", totalLp: "190153692854460853783", scalarRoot: "50834488876875236197",
            expiry: 1_756_876_048, lnFeeRateRoot: "1858790076020075",
            reserveFeePercent: 81, lastLnImpliedRate: "3854935522606383", pyIndex: "1030720983604762735", blockTime: 1_756_724_684,
            netPtToAccount: "-187867204657769"),
        VectorTradeCase(
            totalPt: "2386807573569234723999537", totalSy: "1570829999912500116880299", totalLp: "1652552454163505778618466",
            scalarRoot: "41408003185156573594", expiry: 1_760_315_880, lnFeeRateRoot: "6255389069861839",
            reserveFeePercent: 80, lastLnImpliedRate: "153090275338645169", pyIndex: "1000000000000000000", blockTime: 1_760_177_214,
            netPtToAccount: "805164754303992"),
        VectorTradeCase(
            totalPt: "626132737198857068816914840020", totalSy: "63516334648836074601341708134", totalLp: "100494771180478266021033184381",
            scalarRoot: "25618769687298744766", expiry: 1_758_574_338, lnFeeRateRoot: "288351454365110",
            reserveFeePercent: 100, lastLnImpliedRate: "69004521611302330", pyIndex: "2594329691541171849", blockTime: 1_754_499_084,
            netPtToAccount: "744"),
        VectorTradeCase(
            totalPt: "186996455055174831388697059", totalSy: "82316187640343514432772921", totalLp: "130864142547668537235050220",
            scalarRoot: "79713485044726908658", expiry: 1_786_965_862, lnFeeRateRoot: "329282043708044",
            reserveFeePercent: 80, lastLnImpliedRate: "5258049263041152", pyIndex: "2832595856988106891", blockTime: 1_782_339_326,
            netPtToAccount: "7049687074934386105"),
        VectorTradeCase(
            totalPt: "575599188888633100670466", totalSy: "200753361716784733418659", totalLp: "316588188126132905714241",
            scalarRoot: "163809230010396184152", expiry: 1_789_651_008, lnFeeRateRoot: "0",
            reserveFeePercent: 0, lastLnImpliedRate: "2389117638805134", pyIndex: "1976557723613136551", blockTime: 1_787_870_692,
            netPtToAccount: "22762243935606223752"),
        VectorTradeCase(
            totalPt: "213423389904390975494739", totalSy: "60259354649345319527764", totalLp: "212134693236812414182673",
            scalarRoot: "169568211817925648292", expiry: 1_788_443_981, lnFeeRateRoot: "5199863883391203",
            reserveFeePercent: 80, lastLnImpliedRate: "345238506452702612", pyIndex: "1110904700115998745", blockTime: 1_788_440_330,
            netPtToAccount: "-55727768697502355084795"),
        VectorTradeCase(
            totalPt: "29549655849026591734569981376", totalSy: "6847787023118196977079453462", totalLp: "24582641483522114808719930291",
            scalarRoot: "12898036801064256110", expiry: 1_821_148_442, lnFeeRateRoot: "859130249223283",
            reserveFeePercent: 0, lastLnImpliedRate: "2050296256628634", pyIndex: "2581607936728297649", blockTime: 1_763_943_497,
            netPtToAccount: "-1640887321476659150912"),
        VectorTradeCase(
            totalPt: "4695636015513222759687", totalSy: "635155384201089099305", totalLp: "3301040267034949787776",
            scalarRoot: "32784840366325720940", expiry: 1_727_156_198, lnFeeRateRoot: "0",
            reserveFeePercent: 0, lastLnImpliedRate: "3641597046257879", pyIndex: "2617629110779311495", blockTime: 1_727_144_638,
            netPtToAccount: "106906756361202499994"),
        VectorTradeCase(
            totalPt: "63073225695620064467949570", totalSy: "70230897940025973412325486", totalLp: "90180066157325252102050649",
            scalarRoot: "140019943792236726777", expiry: 1_775_174_143, lnFeeRateRoot: "43107103138742183",
            reserveFeePercent: 90, lastLnImpliedRate: "100727977650401393", pyIndex: "1000000000000000000", blockTime: 1_775_170_517,
            netPtToAccount: "14628682738546899943695"),
        VectorTradeCase(
            totalPt: "18369855436317833123203299171", totalSy: "6993146477339688303566331898", totalLp: "21141409961355853189880446562",
            scalarRoot: "11105859913107319368", expiry: 1_778_990_048, lnFeeRateRoot: "38819452481786448",
            reserveFeePercent: 97, lastLnImpliedRate: "84045083947749278", pyIndex: "1619266165651882229", blockTime: 1_778_963_053,
            netPtToAccount: "289298916076696215205445679"),
        VectorTradeCase(
            totalPt: "186600886369909238104240782023", totalSy: "97846340261774038236020878392", totalLp: "172253129292785238888793694873",
            scalarRoot: "33576007406193628855", expiry: 1_760_282_988, lnFeeRateRoot: "874031718453560",
            reserveFeePercent: 80, lastLnImpliedRate: "2497371362869911", pyIndex: "1000000000000000000", blockTime: 1_760_264_186,
            netPtToAccount: "-84576237958649310948693639168"),
        VectorTradeCase(
            totalPt: "279890552246698353175139121", totalSy: "163022271503689632717660554", totalLp: "135292934662806454640429106",
            scalarRoot: "37477895802083827884", expiry: 1_783_015_205, lnFeeRateRoot: "375197903542062",
            reserveFeePercent: 31, lastLnImpliedRate: "177665052491234229", pyIndex: "1733092255018645070", blockTime: 1_782_981_324,
            netPtToAccount: "-1907357488591220769238"),
        VectorTradeCase(
            totalPt: "88476585719832192009881236", totalSy: "53818435068222070740084435", totalLp: "115559915544068333422967793",
            scalarRoot: "29353685445234241870", expiry: 1_723_956_174, lnFeeRateRoot: "372732806904255",
            reserveFeePercent: 100, lastLnImpliedRate: "5782500636023399", pyIndex: "2701890832108769753", blockTime: 1_723_949_744,
            netPtToAccount: "488762502639259"),
        VectorTradeCase(
            totalPt: "282354896566198465080666627406", totalSy: "135672699861712504745409252330", totalLp: "125785347521193688609422346381",
            scalarRoot: "25021825339863526787", expiry: 1_755_784_093, lnFeeRateRoot: "731671019570383",
            reserveFeePercent: 80, lastLnImpliedRate: "10639167758360569", pyIndex: "2907909518615570751", blockTime: 1_749_271_761,
            netPtToAccount: "-2818465250247860814032"),
        VectorTradeCase(
            totalPt: "6977687467356092993876048173", totalSy: "965108689429149960642034559", totalLp: "5117928745524532036770541021",
            scalarRoot: "180371532755497961335", expiry: 1_732_065_363, lnFeeRateRoot: "0",
            reserveFeePercent: 80, lastLnImpliedRate: "27625793436681624", pyIndex: "2608250895996465319", blockTime: 1_731_710_495,
            netPtToAccount: "-175681264415502125"),
        VectorTradeCase(
            totalPt: "64866754269074228897", totalSy: "35515636756286532594", totalLp: "44685238053746682781", scalarRoot: "73073160751978289680",
            expiry: 1_753_165_853, lnFeeRateRoot: "2450805724355467",
            reserveFeePercent: 80, lastLnImpliedRate: "145523846682151921", pyIndex: "1000000000000000000", blockTime: 1_753_111_864,
            netPtToAccount: "779381733309950"),
        VectorTradeCase(
            totalPt: "577944485916053183922149", totalSy: "7688951825799399493358265", totalLp: "2125229425465057177769790",
            scalarRoot: "43477880862947441971", expiry: 1_757_571_839, lnFeeRateRoot: "0",
            reserveFeePercent: 80, lastLnImpliedRate: "434119842927243015", pyIndex: "1000000000000000000", blockTime: 1_757_507_071,
            netPtToAccount: "-7358275973330781394533944"),
        VectorTradeCase(
            totalPt: "1160975562763914299", totalSy: "437238318557471308", totalLp: "591816811088761742", scalarRoot: "108454251044376806798",
            expiry: 1_778_096_889, lnFeeRateRoot: "1771240954311895",
            reserveFeePercent: 80, lastLnImpliedRate: "4619694275197691", pyIndex: "2005080141524114655", blockTime: 1_770_212_682,
            netPtToAccount: "112105979891"),
        VectorTradeCase(
            totalPt: "42979893764981621041057", totalSy: "36354266830675024767954", totalLp: "49325082349120525288560",
            scalarRoot: "7512360184667910121", expiry: 1_830_826_597, lnFeeRateRoot: "255600772124653",
            reserveFeePercent: 80, lastLnImpliedRate: "1251492473102227", pyIndex: "1817797196661438451", blockTime: 1_767_837_261,
            netPtToAccount: "-860"),
        VectorTradeCase(
            totalPt: "58839038076994514436", totalSy: "18676147474403229795", totalLp: "27733953040701877784", scalarRoot: "18010676249304428837",
            expiry: 1_738_671_354, lnFeeRateRoot: "746661217524564",
            reserveFeePercent: 100, lastLnImpliedRate: "512602488253376363", pyIndex: "1465031362440431359", blockTime: 1_736_419_501,
            netPtToAccount: "-61155910064"),
        VectorTradeCase(
            totalPt: "228485171993610805148730266", totalSy: "190265075975487181329692248", totalLp: "335283052954172267549456584",
            scalarRoot: "7723927197357476834", expiry: 1_826_019_675, lnFeeRateRoot: "946544905236818",
            reserveFeePercent: 80, lastLnImpliedRate: "8905351522890588", pyIndex: "2191848730907679644", blockTime: 1_789_815_820,
            netPtToAccount: "9041130241897326816757912"),
        VectorTradeCase(
            totalPt: "879178089229791447531508443", totalSy: "1857438145960792251835730207", totalLp: "928211135223905254879355236",
            scalarRoot: "114316662708617525296", expiry: 1_759_014_138, lnFeeRateRoot: "568394112986732",
            reserveFeePercent: 0, lastLnImpliedRate: "6930464823939028", pyIndex: "1000000000000000000", blockTime: 1_758_144_959,
            netPtToAccount: "-219813713871573279048202"),
        VectorTradeCase(
            totalPt: "13101355027986103215", totalSy: "3845600870893994450", totalLp: "12802438298765666382", scalarRoot: "21355412861370602911",
            expiry: 1_731_012_532, lnFeeRateRoot: "0",
            reserveFeePercent: 80, lastLnImpliedRate: "267426848210242103", pyIndex: "2151061641330171228", blockTime: 1_730_996_123,
            netPtToAccount: "-779"),
        VectorTradeCase(
            totalPt: "144610533493186225742111103", totalSy: "375310465429103846578961194", totalLp: "158947354582632150543142082",
            scalarRoot: "57732834315160862242", expiry: 1_761_126_257, lnFeeRateRoot: "32510844433189296",
            reserveFeePercent: 50, lastLnImpliedRate: "141098156526259370", pyIndex: "1729669138707070537", blockTime: 1_749_251_456,
            netPtToAccount: "299863224081702"),
        VectorTradeCase(
            totalPt: "1287008477229251012", totalSy: "936590850165557193", totalLp: "1720301114976447541", scalarRoot: "117833715119022220181",
            expiry: 1_733_150_959, lnFeeRateRoot: "0",
            reserveFeePercent: 80, lastLnImpliedRate: "365760670494131329", pyIndex: "2065782575217638944", blockTime: 1_733_147_319,
            netPtToAccount: "-825"),
        VectorTradeCase(
            totalPt: "3887954163417220723523828715", totalSy: "4327942828475637656032401250", totalLp: "8040724136726306513620768108",
            scalarRoot: "118123030331264042349", expiry: 1_787_516_518, lnFeeRateRoot: "125090744152492",
            reserveFeePercent: 100, lastLnImpliedRate: "1047683633493297", pyIndex: "1890737889041815371", blockTime: 1_787_048_436,
            netPtToAccount: "-351980627145883088060500"),
        VectorTradeCase(
            totalPt: "3919475447250378850829", totalSy: "1071192070964909320495", totalLp: "1306534018518950430774",
            scalarRoot: "8349077282060858352", expiry: 1_709_755_412, lnFeeRateRoot: "1881254943052811",
            reserveFeePercent: 80, lastLnImpliedRate: "620402865695979571", pyIndex: "1706904213084623831", blockTime: 1_709_751_782,
            netPtToAccount: "-1598506350704718039967"),
        VectorTradeCase(
            totalPt: "150901529089557344504", totalSy: "39634053367363215736", totalLp: "88336658979976479820", scalarRoot: "18805906174647411767",
            expiry: 1_746_575_207, lnFeeRateRoot: "218868081661377",
            reserveFeePercent: 80, lastLnImpliedRate: "17356333818846319", pyIndex: "2639460584178414959", blockTime: 1_741_616_076,
            netPtToAccount: "18462524372214694572")
    ]
}
