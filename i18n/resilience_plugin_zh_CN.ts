<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
 <context>
  <name>resilience</name>
  <message>
   <source>Network not tagged in OpenStreetMap; assumed: {}.</source>
   <translation>OpenStreetMap 中未标注管网类型；假定为：{}。</translation>
  </message>
  <message>
   <source>Risk grade is the default of its kind; assess the site.</source>
   <translation>风险等级为该类型的默认值；请对场地进行评估。</translation>
  </message>
  <message>
   <source>Closed to traffic (access=no).</source>
   <translation>禁止通行（access=no）。</translation>
  </message>
  <message>
   <source>Under construction.</source>
   <translation>在建。</translation>
  </message>
  <message>
   <source>sum of the K largest single-site gains</source>
   <translation>K 个最大单场地增益之和</translation>
  </message>
  <message>
   <source>greedy result / (1 - 1/e)</source>
   <translation>贪心结果 / (1 - 1/e)</translation>
  </message>
  <message>
   <source>LP relaxation</source>
   <translation>线性规划松弛</translation>
  </message>
  <message>
   <source>Risk sources</source>
   <translation>风险源</translation>
  </message>
  <message>
   <source>Lifelines</source>
   <translation>生命线</translation>
  </message>
  <message>
   <source>Shelters</source>
   <translation>避难场所</translation>
  </message>
  <message>
   <source>Facilities</source>
   <translation>应急设施</translation>
  </message>
  <message>
   <source>Population</source>
   <translation>人口</translation>
  </message>
  <message>
   <source>Base data</source>
   <translation>基础数据</translation>
  </message>
  <message>
   <source>Hazards</source>
   <translation>灾害</translation>
  </message>
  <message>
   <source>Census findings</source>
   <translation>普查问题</translation>
  </message>
  <message>
   <source>Community</source>
   <translation>社区</translation>
  </message>
  <message>
   <source>transportation problem, HiGHS linear programming (exact)</source>
   <translation>运输问题，HiGHS 线性规划（精确解）</translation>
  </message>
  <message>
   <source>confirmed in a source excerpt</source>
   <translation>已在来源摘录中核实</translation>
  </message>
  <message>
   <source>partly confirmed</source>
   <translation>部分核实</translation>
  </message>
  <message>
   <source>recalled only, to be checked against the official text</source>
   <translation>仅凭记忆，待与正式文本核对</translation>
  </message>
  <message>
   <source>Dependencies between assets</source>
   <translation>资产间依赖关系</translation>
  </message>
  <message>
   <source>Which asset needs which (a pump station needs power from a substation), with the backup time of the dependent asset. Rows proposed by default rules are unconfirmed until the user confirms them.</source>
   <translation>哪个资产依赖哪个资产（如泵站需要变电站供电），以及依赖方的备用时长。默认规则提出的记录在用户确认前为未确认状态。</translation>
  </message>
  <message>
   <source>Communities</source>
   <translation>社区</translation>
  </message>
  <message>
   <source>Communities (neighbourhood committees): the units of community plans and maps.</source>
   <translation>社区（居委会）：社区预案与社区地图的基本单元。</translation>
  </message>
  <message>
   <source>Assembly points</source>
   <translation>集合点</translation>
  </message>
  <message>
   <source>Where residents gather before they go on to a shelter.</source>
   <translation>居民转移到避难场所之前的集合地点。</translation>
  </message>
  <message>
   <source>Hidden dangers</source>
   <translation>隐患</translation>
  </message>
  <message>
   <source>Hidden dangers found in the community, with remediation and deadline (dangerous buildings, blocked exits, gas, flooding).</source>
   <translation>社区中发现的隐患及其整改措施和期限（危房、堵塞的安全出口、燃气、内涝点）。</translation>
  </message>
  <message>
   <source>Emergency forces</source>
   <translation>应急力量</translation>
  </message>
  <message>
   <source>Professional and social emergency forces: fire brigades, medical teams, security companies, property management, volunteers, militia.</source>
   <translation>专业与社会应急力量：消防队、医疗队、保安公司、物业管理、志愿者、民兵。</translation>
  </message>
  <message>
   <source>Community contacts</source>
   <translation>社区联系人</translation>
  </message>
  <message>
   <source>Who to call in each community: role, name and phone (shown on the community risk map).</source>
   <translation>每个社区的联系人：职务、姓名和电话（显示在社区风险地图上）。</translation>
  </message>
  <message>
   <source>Community indicators</source>
   <translation>社区指标</translation>
  </message>
  <message>
   <source>Social, economic and institutional indicator values per community for the resilience index (keys of definitions.RESILIENCE_INDICATORS or your own).</source>
   <translation>各社区用于韧性指数的社会、经济和制度指标值（definitions.RESILIENCE_INDICATORS 中的键或自定义指标）。</translation>
  </message>
  <message>
   <source>Placed</source>
   <translation>已安置</translation>
  </message>
  <message>
   <source>No capacity left in the shelters within reach</source>
   <translation>可达范围内的避难场所已无剩余容量</translation>
  </message>
  <message>
   <source>No shelter within the limit</source>
   <translation>限值内没有避难场所</translation>
  </message>
  <message>
   <source>Only shelters with an unknown capacity within reach</source>
   <translation>可达范围内只有容量未知的避难场所</translation>
  </message>
  <message>
   <source>Asset ID</source>
   <translation>资产编号</translation>
  </message>
  <message>
   <source>Risk sources (points)</source>
   <translation>风险源（点）</translation>
  </message>
  <message>
   <source>Risk points: fuel and LPG stations, gas facilities, chemical storage.</source>
   <translation>风险点：加油站、液化石油气站、燃气设施、化学品储存。</translation>
  </message>
  <message>
   <source>Risk sources (areas)</source>
   <translation>风险源（面）</translation>
  </message>
  <message>
   <source>Risk sources mapped as site outlines: plants, depots, industrial sites.</source>
   <translation>以场地轮廓表示的风险源：工厂、仓库、工业用地。</translation>
  </message>
  <message>
   <source>Pipelines, cables and lines of the lifeline networks.</source>
   <translation>生命线网络的管道、电缆与线路。</translation>
  </message>
  <message>
   <source>Lifeline nodes</source>
   <translation>生命线节点</translation>
  </message>
  <message>
   <source>Valves, hydrants, manholes, substations, pump stations.</source>
   <translation>阀门、消火栓、检查井、变电站、泵站。</translation>
  </message>
  <message>
   <source>Road network</source>
   <translation>道路网络</translation>
  </message>
  <message>
   <source>Roads and paths used for access and evacuation.</source>
   <translation>用于通行和疏散的道路与小路。</translation>
  </message>
  <message>
   <source>Emergency shelters</source>
   <translation>应急避难场所</translation>
  </message>
  <message>
   <source>Emergency, fixed and central shelters (GB 51143).</source>
   <translation>紧急、固定和中心避难场所（GB 51143）。</translation>
  </message>
  <message>
   <source>Shelter candidate sites</source>
   <translation>避难场所备选用地</translation>
  </message>
  <message>
   <source>Community centres, schools and parks that could shelter.</source>
   <translation>可用于避难的社区中心、学校和公园。</translation>
  </message>
  <message>
   <source>Emergency facilities</source>
   <translation>应急设施</translation>
  </message>
  <message>
   <source>Fire stations, hospitals, EMS stations, supply depots.</source>
   <translation>消防站、医院、急救站、物资储备库。</translation>
  </message>
  <message>
   <source>Population by area unit (grid cells, census units).</source>
   <translation>按面单元（格网、普查单元）统计的人口。</translation>
  </message>
  <message>
   <source>Population (points)</source>
   <translation>人口（点）</translation>
  </message>
  <message>
   <source>Population by point (address points, building centroids).</source>
   <translation>按点（地址点、建筑中心点）统计的人口。</translation>
  </message>
  <message>
   <source>Buildings</source>
   <translation>建筑</translation>
  </message>
  <message>
   <source>Building footprints.</source>
   <translation>建筑轮廓。</translation>
  </message>
  <message>
   <source>Layer</source>
   <translation>图层</translation>
  </message>
  <message>
   <source>Feature ID</source>
   <translation>要素编号</translation>
  </message>
  <message>
   <source>Rule</source>
   <translation>规则</translation>
  </message>
  <message>
   <source>Severity</source>
   <translation>严重程度</translation>
  </message>
  <message>
   <source>Message</source>
   <translation>说明</translation>
  </message>
  <message>
   <source>A required attribute is empty</source>
   <translation>必填属性为空</translation>
  </message>
  <message>
   <source>A value is not one of the allowed values</source>
   <translation>属性值不在允许的取值范围内</translation>
  </message>
  <message>
   <source>A value is outside its plausible range</source>
   <translation>数值超出合理范围</translation>
  </message>
  <message>
   <source>The geometry is invalid</source>
   <translation>几何无效</translation>
  </message>
  <message>
   <source>The feature has no geometry</source>
   <translation>要素没有几何</translation>
  </message>
  <message>
   <source>The asset ID is used more than once</source>
   <translation>资产编号重复</translation>
  </message>
  <message>
   <source>The segment is not connected to the rest of its network</source>
   <translation>管段未与所属网络的其余部分连通</translation>
  </message>
  <message>
   <source>The site is far from any road</source>
   <translation>场地距道路过远</translation>
  </message>
  <message>
   <source>Emergency shelter: 500 m walk</source>
   <translation>紧急避难场所：步行 500 米</translation>
  </message>
  <message>
   <source>Fixed shelter (short-term): 1,000 m</source>
   <translation>短期固定避难场所：1000 米</translation>
  </message>
  <message>
   <source>Fixed shelter (medium-term): 1,500 m</source>
   <translation>中期固定避难场所：1500 米</translation>
  </message>
  <message>
   <source>Fixed shelter (long-term): 2,500 m</source>
   <translation>长期固定避难场所：2500 米</translation>
  </message>
  <message>
   <source>Fire station: 4-minute drive</source>
   <translation>消防站：行车 4 分钟</translation>
  </message>
  <message>
   <source>EMS / hospital: 5 km urban radius</source>
   <translation>急救 / 医院：城市服务半径 5 公里</translation>
  </message>
  <message>
   <source>15-minute life circle: 1,000 m walk</source>
   <translation>15 分钟生活圈：步行 1000 米</translation>
  </message>
  <message>
   <source>Map data (c) OpenStreetMap contributors, licensed under the Open Database Licence (ODbL 1.0), openstreetmap.org/copyright</source>
   <translation>地图数据 © OpenStreetMap 贡献者，依据开放数据库许可协议（ODbL 1.0）授权，openstreetmap.org/copyright</translation>
  </message>
  <message>
   <source>Population grid (c) Helsinki Region Environmental Services HSY, licensed under CC BY 4.0</source>
   <translation>人口格网 © 赫尔辛基地区环境服务局（Helsinki Region Environmental Services，HSY），依据 CC BY 4.0 授权</translation>
  </message>
  <message>
   <source>Provider asset ID</source>
   <translation>提供方资产编号</translation>
  </message>
  <message>
   <source>Dependent asset ID</source>
   <translation>依赖方资产编号</translation>
  </message>
  <message>
   <source>Kind of dependency</source>
   <translation>依赖类型</translation>
  </message>
  <message>
   <source>Backup time (h; empty = 0)</source>
   <translation>备用时长（小时；空 = 0）</translation>
  </message>
  <message>
   <source>Confirmed</source>
   <translation>已确认</translation>
  </message>
  <message>
   <source>Default rule that proposed it</source>
   <translation>提出该记录的默认规则</translation>
  </message>
  <message>
   <source>Data source</source>
   <translation>数据来源</translation>
  </message>
  <message>
   <source>Last updated</source>
   <translation>更新日期</translation>
  </message>
  <message>
   <source>Remarks</source>
   <translation>备注</translation>
  </message>
  <message>
   <source>The isolation segment is too large: too few isolation devices</source>
   <translation>隔离段过大：隔离设备过少</translation>
  </message>
  <message>
   <source>The part of the network is connected to no source</source>
   <translation>该管网部分未连接任何水源/电源/气源</translation>
  </message>
  <message>
   <source>The isolation device is not on a line of its network</source>
   <translation>隔离设备不在其所属管网的管线上</translation>
  </message>
  <message>
   <source>The source is not near a line of its network</source>
   <translation>源站不在其所属管网的管线附近</translation>
  </message>
  <message>
   <source>The network has no isolation devices: a failure shuts the whole connected network</source>
   <translation>管网没有隔离设备：任一故障都会关停整个连通管网</translation>
  </message>
  <message>
   <source>The network has no sources: supply is not analysed</source>
   <translation>管网没有源站：不分析供给</translation>
  </message>
  <message>
   <source>Pump station needs power from the nearest substation</source>
   <translation>泵站由最近的变电站供电</translation>
  </message>
  <message>
   <source>Hospital needs power from the nearest power line</source>
   <translation>医院由最近的电力线路供电</translation>
  </message>
  <message>
   <source>Fire, EMS and police stations and depots need power</source>
   <translation>消防站、急救站、警察局和物资库需要供电</translation>
  </message>
  <message>
   <source>Shelters need power</source>
   <translation>避难场所需要供电</translation>
  </message>
  <message>
   <source>Hospitals, fire and EMS stations need water from the nearest main</source>
   <translation>医院、消防站和急救站由最近的供水干管供水</translation>
  </message>
  <message>
   <source>Shelters need water from the nearest main</source>
   <translation>避难场所由最近的供水干管供水</translation>
  </message>
  <message>
   <source>Role</source>
   <translation>职务</translation>
  </message>
  <message>
   <source>Name</source>
   <translation>名称</translation>
  </message>
  <message>
   <source>Phone</source>
   <translation>电话</translation>
  </message>
  <message>
   <source>Organisation</source>
   <translation>单位</translation>
  </message>
  <message>
   <source>Order on the map</source>
   <translation>在地图上的顺序</translation>
  </message>
  <message>
   <source>Indicator key</source>
   <translation>指标键</translation>
  </message>
  <message>
   <source>Value</source>
   <translation>值</translation>
  </message>
  <message>
   <source>Reference year</source>
   <translation>基准年份</translation>
  </message>
  <message>
   <source>Source of the value</source>
   <translation>数值来源</translation>
  </message>
  <message>
   <source>Infrastructure</source>
   <translation>基础设施</translation>
  </message>
  <message>
   <source>Social</source>
   <translation>社会</translation>
  </message>
  <message>
   <source>Economic</source>
   <translation>经济</translation>
  </message>
  <message>
   <source>Institutional</source>
   <translation>制度</translation>
  </message>
  <message>
   <source>Environmental</source>
   <translation>环境</translation>
  </message>
  <message>
   <source>Shelter places per resident</source>
   <translation>人均避难场所位置</translation>
  </message>
  <message>
   <source>places per resident</source>
   <translation>位置/人</translation>
  </message>
  <message>
   <source>Residents within reach of a shelter</source>
   <translation>避难场所服务范围内的居民</translation>
  </message>
  <message>
   <source>share</source>
   <translation>比例</translation>
  </message>
  <message>
   <source>Residents within the fire-station response time</source>
   <translation>消防站响应时间内的居民</translation>
  </message>
  <message>
   <source>Residents within reach of emergency medical services</source>
   <translation>急救服务可达范围内的居民</translation>
  </message>
  <message>
   <source>Road length with a detour (lifeline redundancy)</source>
   <translation>有绕行路线的道路长度（生命线冗余）</translation>
  </message>
  <message>
   <source>Residents depending on a single road link (lifeline criticality)</source>
   <translation>依赖单一道路连接的居民（生命线关键性）</translation>
  </message>
  <message>
   <source>Residents in risk influence zones</source>
   <translation>风险影响区内的居民</translation>
  </message>
  <message>
   <source>Emergency-force personnel per 10,000 residents</source>
   <translation>每万居民应急力量人数</translation>
  </message>
  <message>
   <source>per 10,000</source>
   <translation>每万人</translation>
  </message>
  <message>
   <source>Residents aged 65 and over</source>
   <translation>65岁及以上居民</translation>
  </message>
  <message>
   <source>Vulnerable residents (disabled, sick, left-behind)</source>
   <translation>脆弱人群（残疾、患病、留守）</translation>
  </message>
  <message>
   <source>Registered volunteers per 1,000 residents</source>
   <translation>每千居民注册志愿者</translation>
  </message>
  <message>
   <source>per 1,000</source>
   <translation>每千人</translation>
  </message>
  <message>
   <source>Household income (index or median)</source>
   <translation>家庭收入（指数或中位数）</translation>
  </message>
  <message>
   <source>index</source>
   <translation>指数</translation>
  </message>
  <message>
   <source>Households with disaster insurance</source>
   <translation>购买灾害保险的家庭</translation>
  </message>
  <message>
   <source>Emergency drills per year</source>
   <translation>每年应急演练次数</translation>
  </message>
  <message>
   <source>per year</source>
   <translation>每年</translation>
  </message>
  <message>
   <source>Community emergency plan in force (1 yes, 0 no)</source>
   <translation>社区应急预案已生效（1 是，0 否）</translation>
  </message>
  <message>
   <source>yes/no</source>
   <translation>是/否</translation>
  </message>
  <message>
   <source>Major risk (red)</source>
   <translation>重大风险（红）</translation>
  </message>
  <message>
   <source>Significant risk (orange)</source>
   <translation>较大风险（橙）</translation>
  </message>
  <message>
   <source>General risk (yellow)</source>
   <translation>一般风险（黄）</translation>
  </message>
  <message>
   <source>Low risk (blue)</source>
   <translation>低风险（蓝）</translation>
  </message>
  <message>
   <source>Level 1 (R &gt;= 100)</source>
   <translation>一级（R ≥ 100）</translation>
  </message>
  <message>
   <source>Level 2 (50 &lt;= R &lt; 100)</source>
   <translation>二级（50 ≤ R &lt; 100）</translation>
  </message>
  <message>
   <source>Level 3 (10 &lt;= R &lt; 50)</source>
   <translation>三级（10 ≤ R &lt; 50）</translation>
  </message>
  <message>
   <source>Level 4 (R &lt; 10)</source>
   <translation>四级（R &lt; 10）</translation>
  </message>
  <message>
   <source>Hazardous-chemical site</source>
   <translation>危险化学品场所</translation>
  </message>
  <message>
   <source>Major hazard installation</source>
   <translation>重大危险源</translation>
  </message>
  <message>
   <source>Fuel station</source>
   <translation>加油站</translation>
  </message>
  <message>
   <source>LPG / CNG station</source>
   <translation>液化石油气 / 压缩天然气加气站</translation>
  </message>
  <message>
   <source>Gas facility</source>
   <translation>燃气设施</translation>
  </message>
  <message>
   <source>Industrial site</source>
   <translation>工业场地</translation>
  </message>
  <message>
   <source>Other risk source</source>
   <translation>其他风险源</translation>
  </message>
  <message>
   <source>Lifelines and roads</source>
   <translation>生命线与道路</translation>
  </message>
  <message>
   <source>Other sites</source>
   <translation>其他场所</translation>
  </message>
  <message>
   <source>Water supply</source>
   <translation>给水</translation>
  </message>
  <message>
   <source>Drainage</source>
   <translation>排水</translation>
  </message>
  <message>
   <source>Gas</source>
   <translation>燃气</translation>
  </message>
  <message>
   <source>Power</source>
   <translation>电力</translation>
  </message>
  <message>
   <source>Heating</source>
   <translation>热力</translation>
  </message>
  <message>
   <source>Telecom</source>
   <translation>通信</translation>
  </message>
  <message>
   <source>Road</source>
   <translation>道路</translation>
  </message>
  <message>
   <source>Industrial pipeline</source>
   <translation>工业管道</translation>
  </message>
  <message>
   <source>Concrete</source>
   <translation>混凝土</translation>
  </message>
  <message>
   <source>Reinforced concrete</source>
   <translation>钢筋混凝土</translation>
  </message>
  <message>
   <source>Clay</source>
   <translation>陶土</translation>
  </message>
  <message>
   <source>PE</source>
   <translation>PE</translation>
  </message>
  <message>
   <source>HDPE</source>
   <translation>HDPE</translation>
  </message>
  <message>
   <source>UPVC</source>
   <translation>UPVC</translation>
  </message>
  <message>
   <source>Cast iron</source>
   <translation>铸铁</translation>
  </message>
  <message>
   <source>Ductile iron</source>
   <translation>球墨铸铁</translation>
  </message>
  <message>
   <source>Steel</source>
   <translation>钢</translation>
  </message>
  <message>
   <source>Copper</source>
   <translation>铜</translation>
  </message>
  <message>
   <source>Aluminium</source>
   <translation>铝</translation>
  </message>
  <message>
   <source>Optical fibre</source>
   <translation>光纤</translation>
  </message>
  <message>
   <source>Other</source>
   <translation>其他</translation>
  </message>
  <message>
   <source>Unknown</source>
   <translation>未知</translation>
  </message>
  <message>
   <source>Low (P &lt; 0.01 MPa)</source>
   <translation>低压（P &lt; 0.01 MPa）</translation>
  </message>
  <message>
   <source>Medium B (0.01-0.2 MPa)</source>
   <translation>中压B（0.01–0.2 MPa）</translation>
  </message>
  <message>
   <source>Medium A (0.2-0.4 MPa)</source>
   <translation>中压A（0.2–0.4 MPa）</translation>
  </message>
  <message>
   <source>Sub-high B (0.4-0.8 MPa)</source>
   <translation>次高压B（0.4–0.8 MPa）</translation>
  </message>
  <message>
   <source>Sub-high A (0.8-1.6 MPa)</source>
   <translation>次高压A（0.8–1.6 MPa）</translation>
  </message>
  <message>
   <source>High B (1.6-2.5 MPa)</source>
   <translation>高压B（1.6–2.5 MPa）</translation>
  </message>
  <message>
   <source>High A (2.5-4.0 MPa)</source>
   <translation>高压A（2.5–4.0 MPa）</translation>
  </message>
  <message>
   <source>Good</source>
   <translation>良好</translation>
  </message>
  <message>
   <source>Fair</source>
   <translation>一般</translation>
  </message>
  <message>
   <source>Poor</source>
   <translation>较差</translation>
  </message>
  <message>
   <source>Critical</source>
   <translation>危急</translation>
  </message>
  <message>
   <source>Field survey</source>
   <translation>实地探测</translation>
  </message>
  <message>
   <source>As-built drawing</source>
   <translation>竣工图</translation>
  </message>
  <message>
   <source>Design drawing</source>
   <translation>设计图</translation>
  </message>
  <message>
   <source>Inferred</source>
   <translation>推断</translation>
  </message>
  <message>
   <source>OpenStreetMap</source>
   <translation>OpenStreetMap</translation>
  </message>
  <message>
   <source>In use</source>
   <translation>在用</translation>
  </message>
  <message>
   <source>Planned</source>
   <translation>规划</translation>
  </message>
  <message>
   <source>Under construction</source>
   <translation>在建</translation>
  </message>
  <message>
   <source>Abandoned</source>
   <translation>废弃</translation>
  </message>
  <message>
   <source>Directly buried</source>
   <translation>直埋</translation>
  </message>
  <message>
   <source>Duct / conduit</source>
   <translation>管块 / 排管</translation>
  </message>
  <message>
   <source>Utility tunnel</source>
   <translation>综合管廊</translation>
  </message>
  <message>
   <source>Overhead</source>
   <translation>架空</translation>
  </message>
  <message>
   <source>On surface</source>
   <translation>地面敷设</translation>
  </message>
  <message>
   <source>Valve</source>
   <translation>阀门</translation>
  </message>
  <message>
   <source>Fire hydrant</source>
   <translation>消火栓</translation>
  </message>
  <message>
   <source>Manhole</source>
   <translation>检查井</translation>
  </message>
  <message>
   <source>Pump station</source>
   <translation>泵站</translation>
  </message>
  <message>
   <source>Substation</source>
   <translation>变电站</translation>
  </message>
  <message>
   <source>Transformer</source>
   <translation>变压器</translation>
  </message>
  <message>
   <source>Tower / pole</source>
   <translation>铁塔 / 电杆</translation>
  </message>
  <message>
   <source>Pressure regulator station</source>
   <translation>调压站</translation>
  </message>
  <message>
   <source>Switch / breaker</source>
   <translation>开关 / 断路器</translation>
  </message>
  <message>
   <source>Water works / reservoir / tank</source>
   <translation>水厂 / 水库 / 水池</translation>
  </message>
  <message>
   <source>Other node</source>
   <translation>其他节点</translation>
  </message>
  <message>
   <source>Expressway</source>
   <translation>快速路</translation>
  </message>
  <message>
   <source>Arterial road</source>
   <translation>主干路</translation>
  </message>
  <message>
   <source>Secondary road</source>
   <translation>次干路</translation>
  </message>
  <message>
   <source>Branch road</source>
   <translation>支路</translation>
  </message>
  <message>
   <source>Service / access road</source>
   <translation>服务 / 出入道路</translation>
  </message>
  <message>
   <source>Pedestrian way</source>
   <translation>步行道</translation>
  </message>
  <message>
   <source>Cycleway</source>
   <translation>自行车道</translation>
  </message>
  <message>
   <source>Other way</source>
   <translation>其他道路</translation>
  </message>
  <message>
   <source>Emergency shelter</source>
   <translation>紧急避难场所</translation>
  </message>
  <message>
   <source>Fixed shelter, short-term</source>
   <translation>短期固定避难场所</translation>
  </message>
  <message>
   <source>Fixed shelter, medium-term</source>
   <translation>中期固定避难场所</translation>
  </message>
  <message>
   <source>Fixed shelter, long-term</source>
   <translation>长期固定避难场所</translation>
  </message>
  <message>
   <source>Central shelter</source>
   <translation>中心避难场所</translation>
  </message>
  <message>
   <source>Existing</source>
   <translation>现有</translation>
  </message>
  <message>
   <source>Closed</source>
   <translation>关闭</translation>
  </message>
  <message>
   <source>Community centre</source>
   <translation>社区中心</translation>
  </message>
  <message>
   <source>School</source>
   <translation>学校</translation>
  </message>
  <message>
   <source>Park / open space</source>
   <translation>公园 / 开敞空间</translation>
  </message>
  <message>
   <source>Sports ground</source>
   <translation>体育场地</translation>
  </message>
  <message>
   <source>Other candidate</source>
   <translation>其他备选用地</translation>
  </message>
  <message>
   <source>Fire station</source>
   <translation>消防站</translation>
  </message>
  <message>
   <source>Hospital</source>
   <translation>医院</translation>
  </message>
  <message>
   <source>Ambulance (EMS) station</source>
   <translation>急救站</translation>
  </message>
  <message>
   <source>Emergency supply depot</source>
   <translation>应急物资储备库</translation>
  </message>
  <message>
   <source>Police station</source>
   <translation>派出所</translation>
  </message>
  <message>
   <source>Other facility</source>
   <translation>其他设施</translation>
  </message>
  <message>
   <source>Residential</source>
   <translation>居住</translation>
  </message>
  <message>
   <source>Commercial</source>
   <translation>商业</translation>
  </message>
  <message>
   <source>Industrial</source>
   <translation>工业</translation>
  </message>
  <message>
   <source>Public</source>
   <translation>公共</translation>
  </message>
  <message>
   <source>Other / unknown</source>
   <translation>其他 / 未知</translation>
  </message>
  <message>
   <source>Error</source>
   <translation>错误</translation>
  </message>
  <message>
   <source>Warning</source>
   <translation>警告</translation>
  </message>
  <message>
   <source>Information</source>
   <translation>提示</translation>
  </message>
  <message>
   <source>Owner</source>
   <translation>权属单位</translation>
  </message>
  <message>
   <source>Source reference</source>
   <translation>来源编号</translation>
  </message>
  <message>
   <source>Kind of risk source</source>
   <translation>风险源类型</translation>
  </message>
  <message>
   <source>Risk grade</source>
   <translation>风险等级</translation>
  </message>
  <message>
   <source>Hazard-source level (1-4)</source>
   <translation>危险源级别（1–4）</translation>
  </message>
  <message>
   <source>Main hazardous substance</source>
   <translation>主要危险物质</translation>
  </message>
  <message>
   <source>Quantity (t)</source>
   <translation>数量（吨）</translation>
  </message>
  <message>
   <source>Safety distance (m)</source>
   <translation>安全距离（米）</translation>
  </message>
  <message>
   <source>Responsible unit</source>
   <translation>责任单位</translation>
  </message>
  <message>
   <source>Contact</source>
   <translation>联系方式</translation>
  </message>
  <message>
   <source>Network type</source>
   <translation>管网类型</translation>
  </message>
  <message>
   <source>Subtype</source>
   <translation>子类型</translation>
  </message>
  <message>
   <source>Material</source>
   <translation>材质</translation>
  </message>
  <message>
   <source>Diameter (mm)</source>
   <translation>管径（毫米）</translation>
  </message>
  <message>
   <source>Gas pressure class</source>
   <translation>燃气压力级制</translation>
  </message>
  <message>
   <source>Voltage (kV)</source>
   <translation>电压（千伏）</translation>
  </message>
  <message>
   <source>Installation year</source>
   <translation>建设年份</translation>
  </message>
  <message>
   <source>Burial depth (m)</source>
   <translation>埋深（米）</translation>
  </message>
  <message>
   <source>Burial type</source>
   <translation>埋设方式</translation>
  </message>
  <message>
   <source>Condition</source>
   <translation>状况</translation>
  </message>
  <message>
   <source>Status</source>
   <translation>状态</translation>
  </message>
  <message>
   <source>Operator</source>
   <translation>运营单位</translation>
  </message>
  <message>
   <source>Road name</source>
   <translation>所在道路</translation>
  </message>
  <message>
   <source>Node kind</source>
   <translation>节点类型</translation>
  </message>
  <message>
   <source>Ground elevation (m)</source>
   <translation>地面高程（米）</translation>
  </message>
  <message>
   <source>Depth (m)</source>
   <translation>深度（米）</translation>
  </message>
  <message>
   <source>Road class</source>
   <translation>道路等级</translation>
  </message>
  <message>
   <source>Speed (km/h)</source>
   <translation>速度（公里/小时）</translation>
  </message>
  <message>
   <source>One-way (0 no, 1 along, -1 against)</source>
   <translation>单行（0 否，1 顺向，-1 逆向）</translation>
  </message>
  <message>
   <source>Passable</source>
   <translation>可通行</translation>
  </message>
  <message>
   <source>Width (m)</source>
   <translation>宽度（米）</translation>
  </message>
  <message>
   <source>Evacuation route</source>
   <translation>疏散通道</translation>
  </message>
  <message>
   <source>Shelter class</source>
   <translation>避难场所类别</translation>
  </message>
  <message>
   <source>Effective area (m2)</source>
   <translation>有效避难面积（平方米）</translation>
  </message>
  <message>
   <source>Capacity (persons)</source>
   <translation>可容纳人数</translation>
  </message>
  <message>
   <source>Facilities (water, power, toilets, ...)</source>
   <translation>配套设施（供水、供电、厕所等）</translation>
  </message>
  <message>
   <source>Number of entrances</source>
   <translation>出入口数量</translation>
  </message>
  <message>
   <source>Manager</source>
   <translation>管理单位</translation>
  </message>
  <message>
   <source>Kind of candidate site</source>
   <translation>备选用地类型</translation>
  </message>
  <message>
   <source>Facility kind</source>
   <translation>设施类型</translation>
  </message>
  <message>
   <source>Capacity (beds, vehicles or units)</source>
   <translation>能力（床位、车辆或单位数）</translation>
  </message>
  <message>
   <source>Turnout / start delay (min)</source>
   <translation>出动 / 启动时间（分钟）</translation>
  </message>
  <message>
   <source>District</source>
   <translation>行政区</translation>
  </message>
  <message>
   <source>Building use</source>
   <translation>建筑用途</translation>
  </message>
  <message>
   <source>Floors</source>
   <translation>层数</translation>
  </message>
  <message>
   <source>Height (m)</source>
   <translation>高度（米）</translation>
  </message>
  <message>
   <source>Year built</source>
   <translation>建成年份</translation>
  </message>
  <message>
   <source>Estimated residents</source>
   <translation>估算居住人口</translation>
  </message>
  <message>
   <source>Power supply</source>
   <translation>供电</translation>
  </message>
  <message>
   <source>Gas supply</source>
   <translation>供气</translation>
  </message>
  <message>
   <source>Heat supply</source>
   <translation>供热</translation>
  </message>
  <message>
   <source>Other dependency</source>
   <translation>其他依赖</translation>
  </message>
  <message>
   <source>Failed</source>
   <translation>故障</translation>
  </message>
  <message>
   <source>Isolated (devices closed)</source>
   <translation>已隔离（关闭设备）</translation>
  </message>
  <message>
   <source>Cut off from every source</source>
   <translation>与所有源站断开</translation>
  </message>
  <message>
   <source>Lost its provider</source>
   <translation>失去提供方</translation>
  </message>
  <message>
   <source>On backup</source>
   <translation>备用运行中</translation>
  </message>
  <message>
   <source>Fire brigade</source>
   <translation>消防队</translation>
  </message>
  <message>
   <source>Micro fire station</source>
   <translation>微型消防站</translation>
  </message>
  <message>
   <source>Medical team</source>
   <translation>医疗队</translation>
  </message>
  <message>
   <source>Social rescue team</source>
   <translation>社会救援队</translation>
  </message>
  <message>
   <source>Security company</source>
   <translation>保安公司</translation>
  </message>
  <message>
   <source>Property management team</source>
   <translation>物业管理队伍</translation>
  </message>
  <message>
   <source>Volunteer team</source>
   <translation>志愿者队伍</translation>
  </message>
  <message>
   <source>Militia</source>
   <translation>民兵</translation>
  </message>
  <message>
   <source>Other force</source>
   <translation>其他力量</translation>
  </message>
  <message>
   <source>Ready</source>
   <translation>待命</translation>
  </message>
  <message>
   <source>Deployed</source>
   <translation>已出动</translation>
  </message>
  <message>
   <source>Unavailable</source>
   <translation>不可用</translation>
  </message>
  <message>
   <source>Level 1 (highest)</source>
   <translation>一级（最高）</translation>
  </message>
  <message>
   <source>Level 2</source>
   <translation>二级</translation>
  </message>
  <message>
   <source>Level 3</source>
   <translation>三级</translation>
  </message>
  <message>
   <source>Community director</source>
   <translation>社区主任</translation>
  </message>
  <message>
   <source>Emergency officer</source>
   <translation>应急专干</translation>
  </message>
  <message>
   <source>Grid worker</source>
   <translation>网格员</translation>
  </message>
  <message>
   <source>Shelter manager</source>
   <translation>避难场所管理员</translation>
  </message>
  <message>
   <source>Medical contact</source>
   <translation>医疗联系人</translation>
  </message>
  <message>
   <source>Fire contact</source>
   <translation>消防联系人</translation>
  </message>
  <message>
   <source>Police contact</source>
   <translation>公安联系人</translation>
  </message>
  <message>
   <source>Property management</source>
   <translation>物业管理</translation>
  </message>
  <message>
   <source>Volunteer leader</source>
   <translation>志愿者负责人</translation>
  </message>
  <message>
   <source>Other contact</source>
   <translation>其他联系人</translation>
  </message>
  <message>
   <source>Dangerous building</source>
   <translation>危房</translation>
  </message>
  <message>
   <source>Fire hazard (blocked exits, stored fuel)</source>
   <translation>火灾隐患（堵塞出口、存放燃料）</translation>
  </message>
  <message>
   <source>Gas installation</source>
   <translation>燃气设施</translation>
  </message>
  <message>
   <source>Electrical installation</source>
   <translation>电气设施</translation>
  </message>
  <message>
   <source>Flooding point</source>
   <translation>内涝点</translation>
  </message>
  <message>
   <source>Slope or ground hazard</source>
   <translation>边坡或地面隐患</translation>
  </message>
  <message>
   <source>Traffic hazard</source>
   <translation>交通隐患</translation>
  </message>
  <message>
   <source>Public facility defect</source>
   <translation>公共设施缺陷</translation>
  </message>
  <message>
   <source>Other hidden danger</source>
   <translation>其他隐患</translation>
  </message>
  <message>
   <source>Open</source>
   <translation>未整改</translation>
  </message>
  <message>
   <source>Remediation in progress</source>
   <translation>整改中</translation>
  </message>
  <message>
   <source>Remediated</source>
   <translation>已整改</translation>
  </message>
  <message>
   <source>Community name</source>
   <translation>社区名称</translation>
  </message>
  <message>
   <source>Community code</source>
   <translation>社区代码</translation>
  </message>
  <message>
   <source>Sub-district or district</source>
   <translation>街道或区</translation>
  </message>
  <message>
   <source>Registered population</source>
   <translation>户籍人口</translation>
  </message>
  <message>
   <source>Households</source>
   <translation>户数</translation>
  </message>
  <message>
   <source>Command post</source>
   <translation>指挥所</translation>
  </message>
  <message>
   <source>Description</source>
   <translation>描述</translation>
  </message>
  <message>
   <source>Kind of hidden danger</source>
   <translation>隐患类别</translation>
  </message>
  <message>
   <source>Found on</source>
   <translation>发现日期</translation>
  </message>
  <message>
   <source>Remediation measure</source>
   <translation>整改措施</translation>
  </message>
  <message>
   <source>Remediation deadline</source>
   <translation>整改期限</translation>
  </message>
  <message>
   <source>Kind of force</source>
   <translation>力量类别</translation>
  </message>
  <message>
   <source>Personnel</source>
   <translation>人员</translation>
  </message>
  <message>
   <source>Vehicles</source>
   <translation>车辆</translation>
  </message>
  <message>
   <source>Equipment</source>
   <translation>装备</translation>
  </message>
  <message>
   <source>Level (social forces, 1 highest)</source>
   <translation>等级（社会力量，1 为最高）</translation>
  </message>
  <message>
   <source>Turnout / assembly time (min)</source>
   <translation>出动/集结时间（分钟）</translation>
  </message>
  <message>
   <source>Available from (hour of day)</source>
   <translation>可用起始时间（时）</translation>
  </message>
  <message>
   <source>Available until (hour of day)</source>
   <translation>可用截止时间（时）</translation>
  </message>
  <message>
   <source>Contact person</source>
   <translation>联系人</translation>
  </message>
  <message>
   <source>Resilience planning panel</source>
   <translation>韧性规划面板</translation>
  </message>
  <message>
   <source>Show or hide the Resilience planning panel (overlay, coverage, risk, census)</source>
   <translation>显示或隐藏韧性规划面板（叠加、覆盖分析、风险、普查）</translation>
  </message>
  <message>
   <source>Who serves here?</source>
   <translation>此处由哪个设施服务？</translation>
  </message>
  <message>
   <source>Click the map to see the nearest facility over the network and whether the place is covered</source>
   <translation>点击地图，查看经路网最近的设施以及该处是否被覆盖</translation>
  </message>
  <message>
   <source>Create planning database…</source>
   <translation>创建规划数据库…</translation>
  </message>
  <message>
   <source>Import OpenStreetMap data…</source>
   <translation>导入 OpenStreetMap 数据…</translation>
  </message>
  <message>
   <source>Validate census data…</source>
   <translation>检查普查数据…</translation>
  </message>
  <message>
   <source>Finding</source>
   <translation>问题</translation>
  </message>
  <message>
   <source>Validate census data</source>
   <translation>检查普查数据</translation>
  </message>
  <message>
   <source>Click a finding to zoom to the feature and select it</source>
   <translation>点击一条问题可缩放至对应要素并将其选中</translation>
  </message>
  <message>
   <source>Export census package…</source>
   <translation>导出普查成果包…</translation>
  </message>
  <message>
   <source>Opens resilience:export_census for the planning database</source>
   <translation>为该规划数据库打开 resilience:export_census</translation>
  </message>
  <message>
   <source>Planning report…</source>
   <translation>规划评估报告…</translation>
  </message>
  <message>
   <source>Opens resilience:planning_report with the planning database, the census findings and the result layers of this dock</source>
   <translation>以该规划数据库、普查检查结果和本面板的分析结果图层打开 resilience:planning_report</translation>
  </message>
  <message>
   <source>Planning report</source>
   <translation>规划评估报告</translation>
  </message>
  <message>
   <source>Choose a planning database in the Overlay tab.</source>
   <translation>请在“叠加”选项卡中选择规划数据库。</translation>
  </message>
  <message>
   <source>Choose an existing planning database in the Overlay tab.</source>
   <translation>请在“叠加”选项卡中选择一个已有的规划数据库。</translation>
  </message>
  <message>
   <source>Every feature passes the checks.</source>
   <translation>所有要素均通过检查。</translation>
  </message>
  <message>
   <source>The planning database has no features to check.</source>
   <translation>规划数据库中没有可检查的要素。</translation>
  </message>
  <message>
   <source>Nothing to check: import data into the planning database first.</source>
   <translation>没有可检查的内容：请先向规划数据库导入数据。</translation>
  </message>
  <message>
   <source>Written to {}</source>
   <translation>已写入 {}</translation>
  </message>
  <message>
   <source>Planning database: {}</source>
   <translation>规划数据库：{}</translation>
  </message>
  <message>
   <source>{} features checked: {} errors, {} warnings.</source>
   <translation>已检查 {} 个要素：{} 个错误，{} 个警告。</translation>
  </message>
  <message>
   <source>Findings added to the group {}.</source>
   <translation>问题已添加到图层组“{}”。</translation>
  </message>
  <message>
   <source>The layer {} is not in the project: add the database layers first.</source>
   <translation>图层 {} 不在项目中：请先添加数据库图层。</translation>
  </message>
  <message>
   <source>{} features checked: no findings.</source>
   <translation>已检查 {} 个要素：未发现问题。</translation>
  </message>
  <message>
   <source>Cancel</source>
   <translation>取消</translation>
  </message>
  <message>
   <source>Cancelling…</source>
   <translation>正在取消…</translation>
  </message>
  <message>
   <source>Running {}…</source>
   <translation>正在运行 {}…</translation>
  </message>
  <message>
   <source>Cancelled; nothing was added to the project.</source>
   <translation>已取消；未向项目添加任何内容。</translation>
  </message>
  <message>
   <source>Cannot start: {}</source>
   <translation>无法启动：{}</translation>
  </message>
  <message>
   <source>Failed: {}</source>
   <translation>失败：{}</translation>
  </message>
  <message>
   <source>Index</source>
   <translation>指数</translation>
  </message>
  <message>
   <source>Kept</source>
   <translation>保持</translation>
  </message>
  <message>
   <source>Area</source>
   <translation>区域</translation>
  </message>
  <message>
   <source>Residents</source>
   <translation>居民</translation>
  </message>
  <message>
   <source>Population field</source>
   <translation>人口字段</translation>
  </message>
  <message>
   <source>Evacuation plan</source>
   <translation>疏散方案</translation>
  </message>
  <message>
   <source>Capacity field</source>
   <translation>容量字段</translation>
  </message>
  <message>
   <source>Preset</source>
   <translation>预设</translation>
  </message>
  <message>
   <source>Plan evacuation</source>
   <translation>编制疏散方案</translation>
  </message>
  <message>
   <source>Forces</source>
   <translation>力量</translation>
  </message>
  <message>
   <source>Incidents</source>
   <translation>事件</translation>
  </message>
  <message>
   <source>Personnel needed</source>
   <translation>所需人员</translation>
  </message>
  <message>
   <source> min</source>
   <translation> 分钟</translation>
  </message>
  <message>
   <source>Within</source>
   <translation>时限</translation>
  </message>
  <message>
   <source>Dispatch</source>
   <translation>调度</translation>
  </message>
  <message>
   <source>Resilience index and maps</source>
   <translation>韧性指数与地图</translation>
  </message>
  <message>
   <source>Resilience index</source>
   <translation>韧性指数</translation>
  </message>
  <message>
   <source>Community maps…</source>
   <translation>社区地图…</translation>
  </message>
  <message>
   <source>Opens resilience:community_risk_map with the layers of this tab</source>
   <translation>用本页的图层打开 resilience:community_risk_map</translation>
  </message>
  <message>
   <source>Rank, community, index (0-1) and the share of weight changes that keep its rank</source>
   <translation>排名、社区、指数（0-1）以及权重变化下保持该排名的比例</translation>
  </message>
  <message>
   <source>Run</source>
   <translation>运行</translation>
  </message>
  <message>
   <source>Choose the shelters with their capacity field, the road network and the residents with their population field.</source>
   <translation>请选择避难场所及其容量字段、道路网络以及居民图层及其人口字段。</translation>
  </message>
  <message>
   <source>Placed {placed} of {population}; no place within reach {none}; no shelter within the limit {far}.</source>
   <translation>已安置 {placed} / {population}；可达范围内无位置 {none}；限值内无避难场所 {far}。</translation>
  </message>
  <message>
   <source>Choose the forces, the road network and a point layer of incidents.</source>
   <translation>请选择应急力量、道路网络和事件点图层。</translation>
  </message>
  <message>
   <source>Dispatched forces</source>
   <translation>已调度的力量</translation>
  </message>
  <message>
   <source>Community coverage by forces</source>
   <translation>社区应急力量覆盖</translation>
  </message>
  <message>
   <source>No incident.</source>
   <translation>没有事件。</translation>
  </message>
  <message>
   <source>Choose the communities and the residents with their population field.</source>
   <translation>请选择社区以及居民图层及其人口字段。</translation>
  </message>
  <message>
   <source>People per road – {}</source>
   <translation>道路人数 – {}</translation>
  </message>
  <message>
   <source>Evacuation routes – {}</source>
   <translation>疏散路线 – {}</translation>
  </message>
  <message>
   <source>Shelter loads – {}</source>
   <translation>避难场所负荷 – {}</translation>
  </message>
  <message>
   <source>Evacuation plan summary – {}</source>
   <translation>疏散方案汇总 – {}</translation>
  </message>
  <message>
   <source>{:,.0f} m per person; nearest shelter {:,.0f} m, but {} shelters over capacity.</source>
   <translation>人均 {:,.0f} 米；最近避难场所 {:,.0f} 米，但有 {} 处避难场所超出容量。</translation>
  </message>
  <message>
   <source>Incident {}: {:,.0f} personnel on scene after {:.1f} min; forces sent: {}.</source>
   <translation>事件 {}：{:,.0f} 名人员在 {:.1f} 分钟后到场；派出力量：{} 支。</translation>
  </message>
  <message>
   <source>Incident {}: short of {:,.0f} personnel within the limit.</source>
   <translation>事件 {}：限值内人员缺口 {:,.0f}。</translation>
  </message>
  <message>
   <source>{} min at {} km/h</source>
   <translation>{} 分钟（按 {} 公里/小时）</translation>
  </message>
  <message>
   <source>Inputs</source>
   <translation>输入</translation>
  </message>
  <message>
   <source>Demand</source>
   <translation>需求</translation>
  </message>
  <message>
   <source>Run coverage</source>
   <translation>运行覆盖分析</translation>
  </message>
  <message>
   <source>Summary</source>
   <translation>汇总</translation>
  </message>
  <message>
   <source>Run the coverage to see the population covered.</source>
   <translation>运行覆盖分析以查看覆盖人口。</translation>
  </message>
  <message>
   <source>The coverage summary is empty.</source>
   <translation>覆盖汇总为空。</translation>
  </message>
  <message>
   <source>{} m</source>
   <translation>{} 米</translation>
  </message>
  <message>
   <source>Choose a facility layer.</source>
   <translation>请选择设施图层。</translation>
  </message>
  <message>
   <source>Service areas need a road network.</source>
   <translation>计算服务范围需要道路网络。</translation>
  </message>
  <message>
   <source>No facility could be placed on the road network.</source>
   <translation>没有设施能够接入路网。</translation>
  </message>
  <message>
   <source>Population {population}: covered {covered} ({share}), uncovered {uncovered}.</source>
   <translation>人口 {population}：已覆盖 {covered}（{share}），未覆盖 {uncovered}。</translation>
  </message>
  <message>
   <source>No facility is overloaded.</source>
   <translation>没有超负荷的设施。</translation>
  </message>
  <message>
   <source>Choose a demand layer and its population field.</source>
   <translation>请选择需求图层及其人口字段。</translation>
  </message>
  <message>
   <source>The demand layer has no population in the field {}.</source>
   <translation>需求图层的字段 {} 中没有人口。</translation>
  </message>
  <message>
   <source>No facility reaches any demand within {}.</source>
   <translation>在 {} 范围内，没有设施能覆盖任何需求。</translation>
  </message>
  <message>
   <source>Service areas – {}</source>
   <translation>服务范围 – {}</translation>
  </message>
  <message>
   <source>Demand coverage – {}</source>
   <translation>需求覆盖 – {}</translation>
  </message>
  <message>
   <source>Facility loads – {}</source>
   <translation>设施负荷 – {}</translation>
  </message>
  <message>
   <source>Coverage summary – {}</source>
   <translation>覆盖汇总 – {}</translation>
  </message>
  <message>
   <source>{} layers added.</source>
   <translation>已添加 {} 个图层。</translation>
  </message>
  <message>
   <source>Service areas of {} facilities added.</source>
   <translation>已添加 {} 个设施的服务范围。</translation>
  </message>
  <message>
   <source>Most overloaded: {}</source>
   <translation>超负荷最严重：{}</translation>
  </message>
  <message>
   <source>Covered</source>
   <translation>已覆盖</translation>
  </message>
  <message>
   <source>Uncovered</source>
   <translation>未覆盖</translation>
  </message>
  <message>
   <source>Facility {}</source>
   <translation>设施 {}</translation>
  </message>
  <message>
   <source>{} (load {} of capacity)</source>
   <translation>{}（负荷为容量的 {}）</translation>
  </message>
  <message>
   <source>Resilience planning</source>
   <translation>韧性规划</translation>
  </message>
  <message>
   <source>Overlay</source>
   <translation>叠加</translation>
  </message>
  <message>
   <source>Coverage</source>
   <translation>覆盖分析</translation>
  </message>
  <message>
   <source>Risk</source>
   <translation>风险</translation>
  </message>
  <message>
   <source>Census</source>
   <translation>普查</translation>
  </message>
  <message>
   <source>Step</source>
   <translation>步骤</translation>
  </message>
  <message>
   <source>Asset</source>
   <translation>资产</translation>
  </message>
  <message>
   <source>What happened</source>
   <translation>发生了什么</translation>
  </message>
  <message>
   <source>water</source>
   <translation>供水</translation>
  </message>
  <message>
   <source>power</source>
   <translation>供电</translation>
  </message>
  <message>
   <source>gas</source>
   <translation>供气</translation>
  </message>
  <message>
   <source>heat</source>
   <translation>供热</translation>
  </message>
  <message>
   <source>Failure</source>
   <translation>故障</translation>
  </message>
  <message>
   <source>asset IDs, comma separated</source>
   <translation>资产编号，用逗号分隔</translation>
  </message>
  <message>
   <source>Failed assets</source>
   <translation>故障资产</translation>
  </message>
  <message>
   <source>Pick on map</source>
   <translation>在地图上选取</translation>
  </message>
  <message>
   <source>Click a pipe, cable or node on the map to add it to the failed assets</source>
   <translation>在地图上点击管道、电缆或节点，将其加入故障资产</translation>
  </message>
  <message>
   <source>Use selection</source>
   <translation>使用所选要素</translation>
  </message>
  <message>
   <source>The selected lifelines and lifeline nodes</source>
   <translation>所选的生命线和生命线节点</translation>
  </message>
  <message>
   <source>no limit</source>
   <translation>不限</translation>
  </message>
  <message>
   <source>How long the outage lasts; no limit: until every backup runs out</source>
   <translation>停供持续时长；不限：直到所有备用耗尽</translation>
  </message>
  <message>
   <source> h</source>
   <translation> 小时</translation>
  </message>
  <message>
   <source>Outage</source>
   <translation>停供时长</translation>
  </message>
  <message>
   <source>Run failure</source>
   <translation>运行故障分析</translation>
  </message>
  <message>
   <source>Disaster chain</source>
   <translation>灾害链</translation>
  </message>
  <message>
   <source>Hazard raster</source>
   <translation>灾害栅格</translation>
  </message>
  <message>
   <source>Run disaster chain</source>
   <translation>运行灾害链分析</translation>
  </message>
  <message>
   <source>Critical assets</source>
   <translation>关键资产</translation>
  </message>
  <message>
   <source>N-1 scan</source>
   <translation>N-1 扫描</translation>
  </message>
  <message>
   <source>Every isolation segment fails in turn: what it cuts, ranked</source>
   <translation>逐一让每个隔离段故障：影响范围排序</translation>
  </message>
  <message>
   <source>Dependencies…</source>
   <translation>依赖关系…</translation>
  </message>
  <message>
   <source>Open the dependencies table to check and confirm them</source>
   <translation>打开依赖关系表进行核查和确认</translation>
  </message>
  <message>
   <source>Show the chain up to this step</source>
   <translation>显示灾害链到此步骤</translation>
  </message>
  <message>
   <source>Click a row to zoom to the asset</source>
   <translation>点击一行缩放到该资产</translation>
  </message>
  <message>
   <source>Critical isolation segments (N-1)</source>
   <translation>关键隔离段（N-1）</translation>
  </message>
  <message>
   <source>Pick a failed asset on the map or type its asset ID.</source>
   <translation>请在地图上选取故障资产或输入其资产编号。</translation>
  </message>
  <message>
   <source>Choose a hazard raster (Overlay tab: add a hazard).</source>
   <translation>请选择灾害栅格（叠加页：添加灾害图层）。</translation>
  </message>
  <message>
   <source>Isolation devices to close</source>
   <translation>需关闭的隔离设备</translation>
  </message>
  <message>
   <source>Nothing else is affected.</source>
   <translation>没有其他受影响的资产。</translation>
  </message>
  <message>
   <source>Lines lost</source>
   <translation>失效管线</translation>
  </message>
  <message>
   <source>Affected assets</source>
   <translation>受影响资产</translation>
  </message>
  <message>
   <source>Disaster chain: lines</source>
   <translation>灾害链：管线</translation>
  </message>
  <message>
   <source>Disaster chain (table)</source>
   <translation>灾害链（表）</translation>
  </message>
  <message>
   <source>{} isolation segments, {} too large. Most critical:</source>
   <translation>{} 个隔离段，其中 {} 个过大。最关键的：</translation>
  </message>
  <message>
   <source>{} isolation segments scanned.</source>
   <translation>已扫描 {} 个隔离段。</translation>
  </message>
  <message>
   <source>Step {} of {}</source>
   <translation>第 {} 步，共 {} 步</translation>
  </message>
  <message>
   <source>{} assets affected.</source>
   <translation>{} 个资产受影响。</translation>
  </message>
  <message>
   <source>{} assets fail in {} steps.</source>
   <translation>{} 个资产在 {} 步内失效。</translation>
  </message>
  <message>
   <source>#{} {}: {:,.0f} people, {:,.0f} m, {} facilities</source>
   <translation>#{} {}：{:,.0f} 人，{:,.0f} 米，{} 处设施</translation>
  </message>
  <message>
   <source>{} isolation devices to close.</source>
   <translation>需关闭 {} 个隔离设备。</translation>
  </message>
  <message>
   <source>through {}</source>
   <translation>起因：{}</translation>
  </message>
  <message>
   <source>Without {}: {:,.0f} people, {} hospitals, {} fire stations, {} shelters.</source>
   <translation>无{}：{:,.0f} 人，{} 家医院，{} 个消防站，{} 处避难场所。</translation>
  </message>
  <message>
   <source>Looking for the nearest facility…</source>
   <translation>正在查找最近的设施…</translation>
  </message>
  <message>
   <source>covered</source>
   <translation>已覆盖</translation>
  </message>
  <message>
   <source>NOT covered</source>
   <translation>未被覆盖</translation>
  </message>
  <message>
   <source>Served by {name}: {distance} m over the network; {covered}.</source>
   <translation>服务设施：{name}，经路网 {distance} 米；{covered}。</translation>
  </message>
  <message>
   <source>Served by {name}: {distance} m in a straight line (no road network); {covered}.</source>
   <translation>服务设施：{name}，直线距离 {distance} 米（无道路网络）；{covered}。</translation>
  </message>
  <message>
   <source>Choose the facilities in the Coverage tab first.</source>
   <translation>请先在“覆盖分析”选项卡中选择设施。</translation>
  </message>
  <message>
   <source>No facility can be reached from here over the network.</source>
   <translation>从此处经路网无法到达任何设施。</translation>
  </message>
  <message>
   <source>facility {}</source>
   <translation>设施 {}</translation>
  </message>
  <message>
   <source>No answer: {}</source>
   <translation>查询失败：{}</translation>
  </message>
  <message>
   <source>Planning database</source>
   <translation>规划数据库</translation>
  </message>
  <message>
   <source>GeoPackage (*.gpkg)</source>
   <translation>GeoPackage (*.gpkg)</translation>
  </message>
  <message>
   <source>Open a planning database</source>
   <translation>打开规划数据库</translation>
  </message>
  <message>
   <source>Add layers</source>
   <translation>添加图层</translation>
  </message>
  <message>
   <source>Add every layer of the database, grouped by theme, with its style</source>
   <translation>按专题分组添加数据库的全部图层，并应用各自的样式</translation>
  </message>
  <message>
   <source>Create new…</source>
   <translation>新建…</translation>
  </message>
  <message>
   <source>Create</source>
   <translation>创建</translation>
  </message>
  <message>
   <source>Themes shown on the map</source>
   <translation>地图上显示的专题</translation>
  </message>
  <message>
   <source>Rasters (*.tif *.tiff *.vrt *.asc *.img);;All files (*)</source>
   <translation>栅格 (*.tif *.tiff *.vrt *.asc *.img);;所有文件 (*)</translation>
  </message>
  <message>
   <source>File</source>
   <translation>文件</translation>
  </message>
  <message>
   <source>Opacity</source>
   <translation>不透明度</translation>
  </message>
  <message>
   <source>Add hazard raster</source>
   <translation>添加灾害栅格</translation>
  </message>
  <message>
   <source>Add the raster to the group Hazards, drawn with a blue depth ramp</source>
   <translation>将栅格添加到图层组“灾害”，以蓝色水深色带显示</translation>
  </message>
  <message>
   <source>Risk grades</source>
   <translation>风险等级</translation>
  </message>
  <message>
   <source>Shelter classes</source>
   <translation>避难场所类别</translation>
  </message>
  <message>
   <source>Create a planning database</source>
   <translation>创建规划数据库</translation>
  </message>
  <message>
   <source>Choose an existing planning database first.</source>
   <translation>请先选择一个已有的规划数据库。</translation>
  </message>
  <message>
   <source>Planning database created.</source>
   <translation>规划数据库已创建。</translation>
  </message>
  <message>
   <source>Planning database created. Press "Add layers" to show it.</source>
   <translation>规划数据库已创建。请点击“添加图层”显示。</translation>
  </message>
  <message>
   <source>Choose a hazard raster file first.</source>
   <translation>请先选择灾害栅格文件。</translation>
  </message>
  <message>
   <source>Hazard raster {} added to the group {}.</source>
   <translation>灾害栅格 {} 已添加到图层组“{}”。</translation>
  </message>
  <message>
   <source>{} layers added from {}.</source>
   <translation>已添加 {} 个图层（来自 {}）。</translation>
  </message>
  <message>
   <source>{} is not a raster QGIS can read.</source>
   <translation>{} 不是 QGIS 可读取的栅格。</translation>
  </message>
  <message>
   <source>The {} layers of {} are already in the project.</source>
   <translation>{} 个图层（来自 {}）已在项目中。</translation>
  </message>
  <message>
   <source>{} has no planning layers: is it a planning database?</source>
   <translation>{} 中没有规划图层：它是规划数据库吗？</translation>
  </message>
  <message>
   <source>Grade</source>
   <translation>等级</translation>
  </message>
  <message>
   <source>People</source>
   <translation>人数</translation>
  </message>
  <message>
   <source>Build influence zones</source>
   <translation>生成影响范围</translation>
  </message>
  <message>
   <source>Open risk list</source>
   <translation>打开风险清单</translation>
  </message>
  <message>
   <source>Exposure</source>
   <translation>暴露分析</translation>
  </message>
  <message>
   <source>Risk zones</source>
   <translation>风险区</translation>
  </message>
  <message>
   <source>or hazard raster</source>
   <translation>或灾害栅格</translation>
  </message>
  <message>
   <source>Run exposure</source>
   <translation>运行暴露分析</translation>
  </message>
  <message>
   <source>Click a row to zoom to its risk source</source>
   <translation>点击一行可缩放至对应风险源</translation>
  </message>
  <message>
   <source>Nothing of the planning layers lies in the risk zones or hazard.</source>
   <translation>规划图层中没有任何要素位于风险影响范围或灾害区内。</translation>
  </message>
  <message>
   <source>Risk list</source>
   <translation>风险清单</translation>
  </message>
  <message>
   <source>Choose the risk-source layer.</source>
   <translation>请选择风险源图层。</translation>
  </message>
  <message>
   <source>Risk influence zones</source>
   <translation>风险影响范围</translation>
  </message>
  <message>
   <source>Choose risk zones or a hazard raster.</source>
   <translation>请选择风险区或灾害栅格。</translation>
  </message>
  <message>
   <source>Add the layers of a planning database first (Overlay tab).</source>
   <translation>请先添加规划数据库的图层（“叠加”选项卡）。</translation>
  </message>
  <message>
   <source>Exposed lifeline segments</source>
   <translation>暴露的生命线段</translation>
  </message>
  <message>
   <source>Exposed sites</source>
   <translation>暴露的场所</translation>
  </message>
  <message>
   <source>Kind: {}</source>
   <translation>类型：{}</translation>
  </message>
  <message>
   <source>Grade: {}</source>
   <translation>等级：{}</translation>
  </message>
  <message>
   <source>People: {}</source>
   <translation>人数：{}</translation>
  </message>
  <message>
   <source>Shelters: {}</source>
   <translation>避难场所：{}</translation>
  </message>
  <message>
   <source>Facilities: {}</source>
   <translation>应急设施：{}</translation>
  </message>
  <message>
   <source>Lifelines: {} m</source>
   <translation>生命线：{} 米</translation>
  </message>
  <message>
   <source>{} sites</source>
   <translation>{} 处场所</translation>
  </message>
  <message>
   <source>{} unusable</source>
   <translation>{} 处不可用</translation>
  </message>
  <message>
   <source>{} people</source>
   <translation>{} 人</translation>
  </message>
  <message>
   <source>Risk list of {} risk sources added to the group {}.</source>
   <translation>含 {} 个风险源的风险清单已添加到图层组“{}”。</translation>
  </message>
  <message>
   <source>Influence zones added to the group {}.</source>
   <translation>影响范围已添加到图层组“{}”。</translation>
  </message>
  <message>
   <source>The risk list is empty: {} has no risk sources.</source>
   <translation>风险清单为空：{} 中没有风险源。</translation>
  </message>
  <message>
   <source>No influence zone: {} has no risk source with a known kind or safety distance.</source>
   <translation>未生成影响范围：{} 中没有类型或安全距离已知的风险源。</translation>
  </message>
  <message>
   <source>Cancelled.</source>
   <translation>已取消。</translation>
  </message>
  <message>
   <source>The algorithm failed.</source>
   <translation>算法运行失败。</translation>
  </message>
  <message>
   <source>The algorithm {} is not available.</source>
   <translation>算法 {} 不可用。</translation>
  </message>
  <message>
   <source>No results yet</source>
   <translation>暂无结果</translation>
  </message>
  <message>
   <source>&amp;Resilience planning</source>
   <translation>韧性规划(&amp;R)</translation>
  </message>
  <message>
   <source>Risk and hazards</source>
   <translation>风险与灾害</translation>
  </message>
  <message>
   <source>Census and reports</source>
   <translation>普查与报告</translation>
  </message>
  <message>
   <source>Lifeline systems</source>
   <translation>生命线系统</translation>
  </message>
  <message>
   <source>Community resilience</source>
   <translation>社区韧性</translation>
  </message>
  <message>
   <source>while preparing its outputs</source>
   <translation>（准备输出时）</translation>
  </message>
  <message>
   <source>while moving its outputs into place</source>
   <translation>（将输出移到目标位置时）</translation>
  </message>
  <message>
   <source>before it reported anything</source>
   <translation>（尚未报告任何步骤时）</translation>
  </message>
  <message>
   <source>Cancelled; no output was written.</source>
   <translation>已取消；未写入任何输出。</translation>
  </message>
  <message>
   <source>{} failed on an unexpected error {} ({}: {}). No output was written. This is a bug in the plugin: please report it with the details from the QGIS message log (Log Messages panel, tab "{}").</source>
   <translation>{} 遇到意外错误{}（{}：{}）。未写入任何输出。这是插件的缺陷：请报告此问题，并附上 QGIS 消息日志中的详细信息（“日志消息”面板，“{}”标签页）。</translation>
  </message>
  <message>
   <source>after it reported "{}"</source>
   <translation>（最后报告的步骤：“{}”）</translation>
  </message>
  <message>
   <source>Cannot write {}: its folder {} cannot be created or written to ({}). Choose another place.</source>
   <translation>无法写入 {}：其所在文件夹 {} 无法创建或写入（{}）。请选择其他位置。</translation>
  </message>
  <message>
   <source>{} ran out of memory {}. No output was written; try a smaller area or fewer features.</source>
   <translation>{} 内存不足{}。未写入任何输出；请缩小范围或减少要素数量。</translation>
  </message>
  <message>
   <source>Could not write {}: {}</source>
   <translation>无法写入 {}：{}</translation>
  </message>
  <message>
   <source>{} could not be replaced: {}. Is it open in another program? The previous outputs are unchanged.</source>
   <translation>无法替换 {}：{}。该文件是否在其他程序中打开？原有输出均未改变。</translation>
  </message>
  <message>
   <source>{} would all write {}, each replacing the other: give each output its own file, or its own layer of one GeoPackage (file.gpkg|layername=name).</source>
   <translation>{} 都将写入 {}，彼此覆盖：请为每个输出指定单独的文件，或同一 GeoPackage 中的单独图层（file.gpkg|layername=名称）。</translation>
  </message>
  <message>
   <source>{} would all write the layer {} of {}: give each its own layer name.</source>
   <translation>{} 都将写入 {} 中的图层 {}：请为每个输出指定不同的图层名。</translation>
  </message>
  <message>
   <source>Cannot write {}: {}</source>
   <translation>无法写入 {}：{}</translation>
  </message>
  <message>
   <source>Community risk maps (atlas)</source>
   <translation>社区风险地图（图集）</translation>
  </message>
  <message>
   <source>One map page per community (COMMUNITIES, named by NAME_FIELD), from the print-layout template resources/templates/community_risk_map.qpt (or TEMPLATE, a copy edited in the layout designer; items are found by id): risk points and areas, hidden dangers, shelters with their capacity, assembly points, evacuation routes (ROUTES: evacuation_plan OUTPUT_ROUTES) and the shelters of the plan (SHELTER_LOADS: its OUTPUT_SHELTERS), emergency forces and facilities (fire stations, hospitals, supply depots) from the planning DATABASE, risk zones (RISK_ZONES), with legend, scale bar, north arrow and attribution; tables of the community's contacts (community_contacts: role, name, phone), and of the shelters, forces and hidden dangers in view; a summary of residents (DEMAND, else the communities' population field), shelter places, risk points, forces and the evacuation plan. Written into the OUTPUT folder: a PDF and a PNG per community and one PDF of all pages, in English or Chinese (LANGUAGE). The folder is replaced as a whole, and only when it is empty or holds community maps this algorithm wrote.</source>
   <translation>每个社区一页地图（COMMUNITIES，以 NAME_FIELD 命名），由打印布局模板 resources/templates/community_risk_map.qpt 生成（或 TEMPLATE：在布局设计器中编辑过的副本；按 id 查找项目）：风险点和风险区域、隐患、避难场所及其容量、集合点、疏散路线（ROUTES：evacuation_plan 的 OUTPUT_ROUTES）以及方案中的避难场所（SHELTER_LOADS：其 OUTPUT_SHELTERS）、来自规划数据库 DATABASE 的应急力量和设施（消防站、医院、物资储备库）、风险区（RISK_ZONES），附图例、比例尺、指北针和数据署名；该社区联系人表（community_contacts：职务、姓名、电话），以及视图内避难场所、应急力量和隐患的表格；居民（DEMAND，否则为社区的人口字段）、避难位置、风险点、应急力量和疏散方案的摘要。写入 OUTPUT 文件夹：每个社区一份 PDF 和一张 PNG，外加包含所有页面的一份 PDF，语言为英文或中文（LANGUAGE）。该文件夹整体替换，且仅当其为空或只包含本算法写出的社区地图时才替换。</translation>
  </message>
  <message>
   <source>Language</source>
   <translation>语言</translation>
  </message>
  <message>
   <source>Reading the community layers</source>
   <translation>正在读取社区图层</translation>
  </message>
  <message>
   <source>Community risk map</source>
   <translation>社区风险地图</translation>
  </message>
  <message>
   <source>Communities (polygons)</source>
   <translation>社区（面）</translation>
  </message>
  <message>
   <source>Community name field</source>
   <translation>社区名称字段</translation>
  </message>
  <message>
   <source>Residents: population polygons or points</source>
   <translation>居民：人口面或点</translation>
  </message>
  <message>
   <source>Evacuation routes (evacuation_plan OUTPUT_ROUTES)</source>
   <translation>疏散路线（evacuation_plan 的 OUTPUT_ROUTES）</translation>
  </message>
  <message>
   <source>Shelters of the plan (evacuation_plan OUTPUT_SHELTERS)</source>
   <translation>方案中的避难场所（evacuation_plan 的 OUTPUT_SHELTERS）</translation>
  </message>
  <message>
   <source>Layout template (.qpt; empty: the default)</source>
   <translation>布局模板（.qpt；留空则使用默认模板）</translation>
  </message>
  <message>
   <source>Map title</source>
   <translation>地图标题</translation>
  </message>
  <message>
   <source>Additional data attribution</source>
   <translation>补充数据来源声明</translation>
  </message>
  <message>
   <source>Folder of the community maps</source>
   <translation>社区地图文件夹</translation>
  </message>
  <message>
   <source>All community maps (PDF)</source>
   <translation>全部社区地图（PDF）</translation>
  </message>
  <message>
   <source>Number of pages</source>
   <translation>页数</translation>
  </message>
  <message>
   <source>No OUTPUT folder given.</source>
   <translation>未给出 OUTPUT 文件夹。</translation>
  </message>
  <message>
   <source>Contacts</source>
   <translation>联系人</translation>
  </message>
  <message>
   <source>Shelters and capacity (in view)</source>
   <translation>避难场所及容量（视图内）</translation>
  </message>
  <message>
   <source>Emergency forces (in view)</source>
   <translation>应急力量（视图内）</translation>
  </message>
  <message>
   <source>Hidden dangers (in view)</source>
   <translation>隐患（视图内）</translation>
  </message>
  <message>
   <source>Legend</source>
   <translation>图例</translation>
  </message>
  <message>
   <source>The atlas of the community maps could not start.</source>
   <translation>社区地图图集无法开始。</translation>
  </message>
  <message>
   <source>Writing the community maps</source>
   <translation>正在写出社区地图</translation>
  </message>
  <message>
   <source>Evacuation routes</source>
   <translation>疏散路线</translation>
  </message>
  <message>
   <source>Shelters of the evacuation plan</source>
   <translation>疏散方案中的避难场所</translation>
  </message>
  <message>
   <source>{} community maps written to {} ({} files).</source>
   <translation>已将 {} 张社区地图写入 {}（{} 个文件）。</translation>
  </message>
  <message>
   <source>Data: see the planning database.</source>
   <translation>数据：见规划数据库。</translation>
  </message>
  <message>
   <source>{} exists and is not a folder.</source>
   <translation>{} 已存在且不是文件夹。</translation>
  </message>
  <message>
   <source>The folder {} is not empty and holds no community maps; choose a new or empty folder (the maps replace the whole folder).</source>
   <translation>文件夹 {} 不为空且不包含社区地图；请选择新的或空的文件夹（地图会替换整个文件夹）。</translation>
  </message>
  <message>
   <source>The folder {} holds community maps and files this algorithm did not write ({}); move them out or choose a new or empty folder. Nothing was changed.</source>
   <translation>文件夹 {} 包含社区地图以及不是本算法写出的文件（{}）；请将其移出或选择新的或空的文件夹。未做任何更改。</translation>
  </message>
  <message>
   <source>The community layer {} has no polygon.</source>
   <translation>社区图层 {} 没有面要素。</translation>
  </message>
  <message>
   <source>The community layer {} has no field "{}" (NAME_FIELD).</source>
   <translation>社区图层 {} 没有字段“{}”（NAME_FIELD）。</translation>
  </message>
  <message>
   <source>Community names in {} are not unique; contacts are matched by name.</source>
   <translation>{} 中的社区名称不唯一；联系人按名称匹配。</translation>
  </message>
  <message>
   <source>Force</source>
   <translation>力量</translation>
  </message>
  <message>
   <source>Kind</source>
   <translation>类型</translation>
  </message>
  <message>
   <source>Staff</source>
   <translation>人数</translation>
  </message>
  <message>
   <source>Hidden danger</source>
   <translation>隐患</translation>
  </message>
  <message>
   <source>Deadline</source>
   <translation>期限</translation>
  </message>
  <message>
   <source>Residents: {}</source>
   <translation>居民：{}</translation>
  </message>
  <message>
   <source>Shelters in the community: {} with {:,.0f} places; assembly points: {}</source>
   <translation>社区内避难场所：{} 处，共 {:,.0f} 个位置；集合点：{}</translation>
  </message>
  <message>
   <source>Evacuation plan: nobody of this community placed</source>
   <translation>疏散方案：本社区无人被安置</translation>
  </message>
  <message>
   <source>Risk points: {}; hidden dangers: {} ({} not remediated)</source>
   <translation>风险点：{}；隐患：{}（{} 处未整改）</translation>
  </message>
  <message>
   <source>Emergency forces based here: {} with {:,.0f} personnel</source>
   <translation>驻扎于此的应急力量：{} 支，共 {:,.0f} 人</translation>
  </message>
  <message>
   <source>The new maps could not replace {} (is a file of it open?): {}</source>
   <translation>新的地图无法替换 {}（其中的文件是否已打开？）：{}</translation>
  </message>
  <message>
   <source>The PDF of all community maps could not be written: {}</source>
   <translation>无法写出全部社区地图的 PDF：{}</translation>
  </message>
  <message>
   <source>{} ({}) must be a layer of {}.</source>
   <translation>{}（{}）必须是{}图层。</translation>
  </message>
  <message>
   <source>{} ({}) lacks the fields {} that {} writes into {}.</source>
   <translation>{}（{}）缺少字段 {}，这些字段由 {} 写入 {}。</translation>
  </message>
  <message>
   <source>Shelter</source>
   <translation>避难场所</translation>
  </message>
  <message>
   <source>Capacity</source>
   <translation>容量</translation>
  </message>
  <message>
   <source>Evacuees</source>
   <translation>疏散人数</translation>
  </message>
  <message>
   <source>Command post: {}</source>
   <translation>指挥所：{}</translation>
  </message>
  <message>
   <source>Choose the population field (DEMAND_FIELD) of {}.</source>
   <translation>请选择 {} 的人口字段（DEMAND_FIELD）。</translation>
  </message>
  <message>
   <source>lines</source>
   <translation>线</translation>
  </message>
  <message>
   <source>points</source>
   <translation>点</translation>
  </message>
  <message>
   <source>polygons</source>
   <translation>面</translation>
  </message>
  <message>
   <source>Class</source>
   <translation>类别</translation>
  </message>
  <message>
   <source>Evacuation plan: {:,.0f} residents to {} shelters, {:,.0f} m on average</source>
   <translation>疏散方案：{:,.0f} 名居民前往 {} 处避难场所，平均 {:,.0f} 米</translation>
  </message>
  <message>
   <source>FACILITIES are points or polygons; polygons reach the network where its lines cross their boundary (else at the boundary point nearest to a road). A multipoint feature is one facility with an entrance at each of its points (the gates of a park, say): it reaches the network from all of them, and straight-line distances go to its nearest point. Curved geometries are read as straight segments. Features without geometry are left out and listed in the log. NETWORK is a line layer; without it straight-line distances are used. The limit is MAX_DISTANCE (metres) or MAX_TIME (minutes, at SPEED_KMH or the speed in SPEED_FIELD); a PRESET fills the limits it defines when they are left empty. DELAY_FIELD gives a start delay per facility, in minutes with MAX_TIME and in metres with MAX_DISTANCE. ONEWAY_FIELD: 1/yes along the line, -1 against it, else both ways (travel goes from the facility outwards); text values (yes, no, true, false, reverse) work like the numbers, other values are travelled both ways and listed in the log. SNAP_TOLERANCE joins line ends to vertices closer than it. BARRIERS (polygons, or a hazard raster with BARRIER_THRESHOLD) close the roads they touch; the outputs then also give the loss against the undisturbed network. All distances come from one multi-source shortest-path pass; per-facility areas use searches bounded by the limit.

Presets:
</source>
   <translation>FACILITIES 为点或面；面状设施在路网线路穿越其边界处接入路网（否则在边界上距道路最近的点接入）。多点要素是在其每个点处各有一个出入口的一个设施（例如公园的各个大门）：它从所有这些点接入路网，直线距离量至其最近的点。曲线几何按直线段读取。没有几何的要素不参与计算，并列在日志中。NETWORK 为线图层；不提供时采用直线距离。限值为 MAX_DISTANCE（米）或 MAX_TIME（分钟，按 SPEED_KMH 或 SPEED_FIELD 中的速度计算）；选择 PRESET 时，其规定的限值填入留空的限值参数。DELAY_FIELD 给出每个设施的启动延时，使用 MAX_TIME 时以分钟计，使用 MAX_DISTANCE 时以米计。ONEWAY_FIELD：1/yes 表示沿线方向单行，-1 表示逆线方向单行，其他值为双向（通行方向为从设施向外）；文本值（yes、no、true、false、reverse）与数值效果相同，其他值按双向通行并列在日志中。SNAP_TOLERANCE：将线端点连接到距离小于该值的顶点。BARRIERS（面，或配合 BARRIER_THRESHOLD 的灾害栅格）封闭其接触到的道路；此时输出还给出相对于未受阻断路网的损失。所有距离由一次多源最短路径计算得出；各设施的服务范围采用以限值为界的搜索。

预设：
</translation>
  </message>
  <message>
   <source>Road network (lines; empty: straight-line distance)</source>
   <translation>道路网络（线；留空则按直线距离）</translation>
  </message>
  <message>
   <source>Custom (use the limits below)</source>
   <translation>自定义（使用下方限值）</translation>
  </message>
  <message>
   <source>Preset (planning standard)</source>
   <translation>预设（规划标准）</translation>
  </message>
  <message>
   <source>Maximum distance (m)</source>
   <translation>最大距离（米）</translation>
  </message>
  <message>
   <source>Maximum travel time (min)</source>
   <translation>最大出行时间（分钟）</translation>
  </message>
  <message>
   <source>Speed (km/h) for travel times</source>
   <translation>计算出行时间的速度（公里/小时）</translation>
  </message>
  <message>
   <source>Speed field of the network (km/h)</source>
   <translation>路网速度字段（公里/小时）</translation>
  </message>
  <message>
   <source>One-way field of the network</source>
   <translation>路网单行字段</translation>
  </message>
  <message>
   <source>Snapping tolerance of line ends (m)</source>
   <translation>线端点捕捉容差（米）</translation>
  </message>
  <message>
   <source>Start delay field of the facilities</source>
   <translation>设施启动延时字段</translation>
  </message>
  <message>
   <source>Barriers: polygons or a hazard raster (scenario)</source>
   <translation>阻断：面或灾害栅格（情景）</translation>
  </message>
  <message>
   <source>Hazard raster threshold (cells at or above it close the roads)</source>
   <translation>灾害栅格阈值（大于或等于该值的像元封闭道路）</translation>
  </message>
  <message>
   <source>FACILITIES is missing or cannot be read.</source>
   <translation>FACILITIES 缺失或无法读取。</translation>
  </message>
  <message>
   <source>No network: straight-line distances.</source>
   <translation>无路网：采用直线距离。</translation>
  </message>
  <message>
   <source>BARRIERS need a NETWORK; they are ignored for straight-line distances.</source>
   <translation>BARRIERS 需要配合 NETWORK 使用；按直线距离计算时将被忽略。</translation>
  </message>
  <message>
   <source>Demand: population polygons, points or raster</source>
   <translation>需求：人口面、点或栅格</translation>
  </message>
  <message>
   <source>Population field (vector demand)</source>
   <translation>人口字段（矢量需求）</translation>
  </message>
  <message>
   <source>DEMAND is missing or cannot be read.</source>
   <translation>DEMAND 缺失或无法读取。</translation>
  </message>
  <message>
   <source>Negative capacity in field {} of {}: feature ids {}</source>
   <translation>字段 {}（图层 {}）中有负的容量：要素编号 {}</translation>
  </message>
  <message>
   <source>{} m2 per person of the preset {} ({})</source>
   <translation>人均 {} 平方米（预设 {}，{}）</translation>
  </message>
  <message>
   <source>Capacity field {} is empty for {} facilities of {} and no capacity could be derived (feature ids {}); their capacity is unknown (not 0).</source>
   <translation>容量字段 {} 在 {} 个设施（图层 {}）中为空且无法推算容量（要素编号 {}）；其容量未知（不按 0 计）。</translation>
  </message>
  <message>
   <source>Facilities (points or polygons)</source>
   <translation>设施（点或面）</translation>
  </message>
  <message>
   <source>A hazard raster as BARRIERS needs BARRIER_THRESHOLD.</source>
   <translation>以灾害栅格作为 BARRIERS 时需要给出 BARRIER_THRESHOLD。</translation>
  </message>
  <message>
   <source>Barriers {} close {} of {} road edges ({:.1f} km).</source>
   <translation>阻断 {} 封闭了 {}/{} 条道路边（{:.1f} 公里）。</translation>
  </message>
  <message>
   <source>The demand layer does not overlap the network.</source>
   <translation>需求图层与路网不重叠。</translation>
  </message>
  <message>
   <source>Negative {} in {} (feature ids {}): no capacity is derived for them.</source>
   <translation>{} 在 {} 中为负值（要素编号 {}）：不为其推算容量。</translation>
  </message>
  <message>
   <source>the area per person of each shelter class ({}; {})</source>
   <translation>各避难场所类别的人均面积（{}；{}）</translation>
  </message>
  <message>
   <source>Capacity of {} features of {} with an empty {} derived from {} / {}: feature ids {}</source>
   <translation>{} 个要素（图层 {}）的 {} 为空，其容量按 {} / {} 推算：要素编号 {}</translation>
  </message>
  <message>
   <source>Capacity field of the facilities</source>
   <translation>设施容量字段</translation>
  </message>
  <message>
   <source>The barriers {} close every road near the facilities: no road of the network is left open, so nothing can be reached. Check the barrier layer (or BARRIER_THRESHOLD of a hazard raster).</source>
   <translation>阻断 {} 封闭了设施附近的全部道路：路网中没有仍然开放的道路，因此无处可达。请检查阻断图层（或灾害栅格的 BARRIER_THRESHOLD）。</translation>
  </message>
  <message>
   <source>The barriers close every road near the facilities: none has an open road within {} m any more; they reach the network only by long access legs.</source>
   <translation>阻断封闭了设施附近的全部道路：没有任何设施在 {} 米内还有开放的道路；它们只能经由很长的接入段到达路网。</translation>
  </message>
  <message>
   <source>The demand layer {} is empty.</source>
   <translation>需求图层 {} 为空。</translation>
  </message>
  <message>
   <source>{} demand features have an empty or negative {} (feature ids {}); counted as 0.</source>
   <translation>{} 个需求要素的 {} 为空或为负（要素编号 {}）；按 0 计。</translation>
  </message>
  <message>
   <source>No feature of the demand layer {} has a geometry.</source>
   <translation>需求图层 {} 中没有任何要素带有几何。</translation>
  </message>
  <message>
   <source>{} demand units of {} have no location (empty geometry) and {:.0f} people: they are left out of the coverage, neither covered nor uncovered. Feature ids: {}</source>
   <translation>{} 个需求单元（图层 {}）没有位置（几何为空），共 {:.0f} 人：它们不参与覆盖计算，既不计为已覆盖也不计为未覆盖。要素编号：{}</translation>
  </message>
  <message>
   <source>{} demand units ({:.1%} of the population) are farther than {} m from the network; their access leg is counted.</source>
   <translation>{} 个需求单元（占人口的 {:.1%}）距路网超过 {} 米；其接入段距离已计入。</translation>
  </message>
  <message>
   <source>{} of {} cannot be turned into a capacity: choose a shelter PRESET (area per person) or give a {} field.</source>
   <translation>{}（图层 {}）无法换算为容量：请选择避难场所 PRESET（人均面积）或提供 {} 字段。</translation>
  </message>
  <message>
   <source>Straight-line travel time at {} km/h.</source>
   <translation>按 {} 公里/小时计算直线出行时间。</translation>
  </message>
  <message>
   <source>{} samples of the hazard raster {} along roads are nodata; they do not close roads.</source>
   <translation>沿道路的 {} 个采样点在灾害栅格 {} 中为无数据值；这些采样点不封闭道路。</translation>
  </message>
  <message>
   <source>BARRIERS must be a polygon layer or a raster: {}</source>
   <translation>BARRIERS 必须是面图层或栅格：{}</translation>
  </message>
  <message>
   <source>The barriers close every road within {} m of {} facilities (feature ids {}).</source>
   <translation>阻断封闭了 {} 米范围内的全部道路，涉及 {} 个设施（要素编号 {}）。</translation>
  </message>
  <message>
   <source>Population raster {}: {} nodata cells are left out.</source>
   <translation>人口栅格 {}：已排除 {} 个无数据像元。</translation>
  </message>
  <message>
   <source>The population raster {} has no populated cells.</source>
   <translation>人口栅格 {} 中没有有人口的像元。</translation>
  </message>
  <message>
   <source>Create planning database</source>
   <translation>创建规划数据库</translation>
  </message>
  <message>
   <source>Creates a GeoPackage with every layer of the planning data model: risk sources, lifelines and their nodes, road network, shelters and candidate sites, emergency facilities, population and buildings. Each layer carries its default style, attribute form with drop-down lists, range checks, constraints and default values, so it opens in QGIS ready to edit.

CRS: a projected CRS in metres. When left empty it is the UTM zone of EXTENT; a geographic CRS is replaced by the UTM zone of the extent.

An existing database that holds data is never replaced unless OVERWRITE is checked.</source>
   <translation>创建包含规划数据模型全部图层的 GeoPackage：风险源、生命线及其节点、道路网络、避难场所及备选用地、应急设施、人口和建筑。每个图层都带有默认样式和属性表单（下拉列表、范围检查、约束和默认值），在 QGIS 中打开即可编辑。

坐标系：以米为单位的投影坐标系。留空时使用 EXTENT 所在的 UTM 带；地理坐标系会被替换为范围所在的 UTM 带。

已有且含数据的数据库不会被替换，除非勾选 OVERWRITE。</translation>
  </message>
  <message>
   <source>CRS (projected, metres)</source>
   <translation>坐标系（投影，米）</translation>
  </message>
  <message>
   <source>Extent (to choose the CRS)</source>
   <translation>范围（用于选择坐标系）</translation>
  </message>
  <message>
   <source>Replace an existing database that holds data</source>
   <translation>替换已有且含数据的数据库</translation>
  </message>
  <message>
   <source>Give a projected CRS in metres, or an EXTENT to choose one.</source>
   <translation>请给出以米为单位的投影坐标系，或给出 EXTENT 以自动选择。</translation>
  </message>
  <message>
   <source>Created {} with {} layers in {}.</source>
   <translation>已创建 {}，包含 {} 个图层，坐标系 {}。</translation>
  </message>
  <message>
   <source>OUTPUT must be a GeoPackage file (.gpkg): {}</source>
   <translation>OUTPUT 必须是 GeoPackage 文件（.gpkg）：{}</translation>
  </message>
  <message>
   <source>{} is not a metric CRS; using {} instead.</source>
   <translation>{} 不是以米为单位的坐标系；改用 {}。</translation>
  </message>
  <message>
   <source>CRS chosen from the extent: {}</source>
   <translation>根据范围选择的坐标系：{}</translation>
  </message>
  <message>
   <source>CRS {} does not measure in metres; give a projected CRS or an EXTENT to choose its UTM zone.</source>
   <translation>坐标系 {} 不以米为单位；请给出投影坐标系，或给出 EXTENT 以选择 UTM 带。</translation>
  </message>
  <message>
   <source>The chain of lifeline failures a hazard starts (flood -&gt; substation -&gt; pump stations -&gt; water to hospitals). Direct failures: from EXPOSURE (exposure results: the red rows, or rows with class_rank &gt;= MIN_CLASS) or from a HAZARD raster classed by HAZARD_BREAKS, where the nodes of the failing kinds (substations, transformers, switches, pump stations, water works, regulator stations) in class MIN_CLASS or above fail; with FAIL_LINES the lines there fail too (earthquakes, landslides; buried lines survive a flood). OUTPUT: every asset of the chain with its step and the time it happens, and frame_time (START_TIME + one hour per step) for the Temporal Controller; OUTPUT_TABLE: the chain as a table for the report; OUTPUT_ISOLATION and OUTPUT_CONSEQUENCES as in Lifeline failure.</source>
   <translation>灾害引发的生命线连锁失效（洪水 -&gt; 变电站 -&gt; 泵站 -&gt; 医院供水）。直接失效来自 EXPOSURE（暴露分析结果：红色行，或 class_rank &gt;= MIN_CLASS 的行），或来自按 HAZARD_BREAKS 分级的 HAZARD 栅格：位于 MIN_CLASS 级及以上的易失效类型节点（变电站、变压器、开关、泵站、水厂、调压站）失效；勾选 FAIL_LINES 时，该范围内的管线也失效（地震、滑坡；埋地管线在洪水中不失效）。OUTPUT：灾害链中的每个资产及其步骤和发生时间，以及供时间控制器使用的 frame_time（START_TIME + 每步一小时）；OUTPUT_TABLE：供报告使用的灾害链表；OUTPUT_ISOLATION 和 OUTPUT_CONSEQUENCES 同生命线故障。</translation>
  </message>
  <message>
   <source>Disaster chain (steps)</source>
   <translation>灾害链（步骤）</translation>
  </message>
  <message>
   <source>Following the chain through the networks</source>
   <translation>沿管网追踪灾害链</translation>
  </message>
  <message>
   <source>Exposure results</source>
   <translation>暴露分析结果</translation>
  </message>
  <message>
   <source>or a hazard raster</source>
   <translation>或灾害栅格</translation>
  </message>
  <message>
   <source>Hazard class breaks (comma separated)</source>
   <translation>灾害分级阈值（以逗号分隔）</translation>
  </message>
  <message>
   <source>Lines in the hazard fail too</source>
   <translation>灾害范围内的管线也失效</translation>
  </message>
  <message>
   <source>Start of the animation (frame_time)</source>
   <translation>动画起始时间（frame_time）</translation>
  </message>
  <message>
   <source>Assets failed by the hazard</source>
   <translation>因灾害失效的资产</translation>
  </message>
  <message>
   <source>Steps of the chain</source>
   <translation>灾害链步数</translation>
  </message>
  <message>
   <source>People without at least one service</source>
   <translation>至少失去一项服务的人口</translation>
  </message>
  <message>
   <source>Give either EXPOSURE (exposure results) or HAZARD (a raster), not both.</source>
   <translation>请给出 EXPOSURE（暴露分析结果）或 HAZARD（栅格）之一，不能同时给出。</translation>
  </message>
  <message>
   <source>The hazard makes no lifeline asset of a failing kind fail: the chain is empty.</source>
   <translation>灾害没有使任何易失效类型的生命线资产失效：灾害链为空。</translation>
  </message>
  <message>
   <source>HAZARD_BREAKS must be increasing numbers, e.g. 0.15,0.5,1.5</source>
   <translation>HAZARD_BREAKS 必须是递增的数值，例如 0.15,0.5,1.5</translation>
  </message>
  <message>
   <source>Hazard raster {}: {} assets in class {} or above fail.</source>
   <translation>灾害栅格 {}：{} 个位于第 {} 级及以上的资产失效。</translation>
  </message>
  <message>
   <source>Lowest failing class (empty: {} for a raster, the red rows of exposure results)</source>
   <translation>失效的最低等级（空：栅格为 {}，暴露分析结果为红色行）</translation>
  </message>
  <message>
   <source>Cannot read the hazard raster: {}</source>
   <translation>无法读取灾害栅格：{}</translation>
  </message>
  <message>
   <source>EXPOSURE takes the vector results of resilience:exposure; {} is not a vector layer.</source>
   <translation>EXPOSURE 应为 resilience:exposure 的矢量结果；{} 不是矢量图层。</translation>
  </message>
  <message>
   <source>Dispatch emergency forces</source>
   <translation>调度应急力量</translation>
  </message>
  <message>
   <source>For every incident point (INCIDENTS), the nearest available emergency forces (FORCES: points with their personnel) by network travel time that together meet the required personnel (REQUIRED_FIELD of the incident, else REQUIRED_PERSONNEL), with their arrival times: turnout or assembly time (DELAY_FIELD, minutes) plus the drive. Forces arrive in order of their arrival time, so taking them in that order until the personnel is met meets it at the earliest possible time; all forces arriving before then are sent too. Incidents are served one after the other (ascending PRIORITY_FIELD, else in layer order); a force goes to one incident only. A force is available when its STATUS_FIELD is ready (or empty) and, with HOUR (0-24), when HOUR lies in its daily window (FROM_FIELD to TO_FIELD; a window over midnight runs from the later hour to the earlier). Only forces that arrive within MAX_TIME are sent; an incident whose need they cannot meet gets them all and its shortfall. OUTPUT draws every dispatched force's route to its incident, OUTPUT_INCIDENTS gives per incident the personnel sent, when the need is met and the shortfall. With COMMUNITIES, OUTPUT_COVERAGE gives per community the residents (DEMAND, optional) reached by at least one available force within MAX_TIME, the first arrival and the personnel within reach.</source>
   <translation>对每个事件点（INCIDENTS），按路网行程时间找出最近的可用应急力量（FORCES：带有人数的点），使其合计满足所需人员（事件的 REQUIRED_FIELD，否则为 REQUIRED_PERSONNEL），并给出到达时间：出动或集结时间（DELAY_FIELD，分钟）加上行驶时间。力量按到达时间先后到场，因此按此顺序选取直到满足人数，可在最早的时刻满足需求；在此之前到达的力量也一并派出。事件依次处理（按 PRIORITY_FIELD 升序，否则按图层顺序）；一支力量只派往一个事件。当力量的 STATUS_FIELD 为待命（或为空），并且在给定 HOUR（0-24）时该时刻处于其每日可用时段内（FROM_FIELD 至 TO_FIELD；跨午夜的时段从较晚的时刻到较早的时刻）时，该力量可用。只派出能在 MAX_TIME 内到达的力量；无法满足需求的事件会得到所有这些力量并给出缺口。OUTPUT 绘制每支被派力量前往事件的路线，OUTPUT_INCIDENTS 给出每个事件派出的人员、满足需求的时刻和缺口。给定 COMMUNITIES 时，OUTPUT_COVERAGE 给出每个社区在 MAX_TIME 内至少有一支可用力量到达的居民（DEMAND，可选）、最早到达时间以及可达人员。</translation>
  </message>
  <message>
   <source>Emergency forces (points)</source>
   <translation>应急力量（点）</translation>
  </message>
  <message>
   <source>Residents for the coverage: population polygons, points or raster</source>
   <translation>用于覆盖分析的居民：人口面、点或栅格</translation>
  </message>
  <message>
   <source>Incidents with their forces</source>
   <translation>事件及其力量</translation>
  </message>
  <message>
   <source>FORCES is missing or cannot be read.</source>
   <translation>FORCES 缺失或无法读取。</translation>
  </message>
  <message>
   <source>Dispatch works on travel times: give MAX_TIME (minutes) or a preset with a time, not MAX_DISTANCE.</source>
   <translation>调度基于行程时间：请给出 MAX_TIME（分钟）或带时间的预设，而不是 MAX_DISTANCE。</translation>
  </message>
  <message>
   <source>Dispatch needs a road NETWORK for travel times.</source>
   <translation>调度需要道路网络 NETWORK 来计算行程时间。</translation>
  </message>
  <message>
   <source>Choose the personnel field of the forces (PERSONNEL_FIELD).</source>
   <translation>请选择应急力量的人数字段（PERSONNEL_FIELD）。</translation>
  </message>
  <message>
   <source>Incidents without a geometry get no forces.</source>
   <translation>没有几何的事件不会得到力量。</translation>
  </message>
  <message>
   <source>Default required personnel {}: {}</source>
   <translation>默认所需人员 {}：{}</translation>
  </message>
  <message>
   <source>Personnel field of the forces</source>
   <translation>应急力量的人数字段</translation>
  </message>
  <message>
   <source>Name field of the forces</source>
   <translation>应急力量的名称字段</translation>
  </message>
  <message>
   <source>Kind field of the forces</source>
   <translation>应急力量的类别字段</translation>
  </message>
  <message>
   <source>Status field of the forces</source>
   <translation>应急力量的状态字段</translation>
  </message>
  <message>
   <source>Available from (hour) field</source>
   <translation>可用起始时间（时）字段</translation>
  </message>
  <message>
   <source>Available until (hour) field</source>
   <translation>可用截止时间（时）字段</translation>
  </message>
  <message>
   <source>Hour of the incident (0-24; empty: ignore the daily windows)</source>
   <translation>事件发生时刻（0-24；空：忽略每日可用时段）</translation>
  </message>
  <message>
   <source>Incidents (points)</source>
   <translation>事件（点）</translation>
  </message>
  <message>
   <source>Required personnel field</source>
   <translation>所需人员字段</translation>
  </message>
  <message>
   <source>Required personnel</source>
   <translation>所需人员</translation>
  </message>
  <message>
   <source>Priority field (lowest first)</source>
   <translation>优先级字段（小者优先）</translation>
  </message>
  <message>
   <source>Timings: {}</source>
   <translation>耗时：{}</translation>
  </message>
  <message>
   <source>{} of {} forces are available{} ({} personnel).</source>
   <translation>{} / {} 支力量可用{}（{} 人）。</translation>
  </message>
  <message>
   <source>{} forces have no valid personnel in {} and are not sent: feature ids {}</source>
   <translation>{} 支力量在 {} 中没有有效人数，不会派出：要素 id {}</translation>
  </message>
  <message>
   <source>The incident layer {} is empty.</source>
   <translation>事件图层 {} 为空。</translation>
  </message>
  <message>
   <source>Community {}: {} of its residents reached by a force within {:g} min; {} forces, {:,.0f} personnel within reach on average.</source>
   <translation>社区 {}：{} 的居民可在 {:g} 分钟内被应急力量到达；平均 {} 支力量、{:,.0f} 名人员可达。</translation>
  </message>
  <message>
   <source>The layer has no field "{}" ({}).</source>
   <translation>图层中没有字段“{}”（{}）。</translation>
  </message>
  <message>
   <source> at {:g} h</source>
   <translation>（{:g} 时）</translation>
  </message>
  <message>
   <source>Incident {}: {:,.0f} personnel needed, met at {:.1f} min by {} forces ({:,.0f} personnel).</source>
   <translation>事件 {}：需要 {:,.0f} 名人员，在 {:.1f} 分钟时由 {} 支力量满足（{:,.0f} 人）。</translation>
  </message>
  <message>
   <source>Incident {}: {:,.0f} personnel needed, only {:,.0f} from {} forces can arrive within the limit (short by {:,.0f}).</source>
   <translation>事件 {}：需要 {:,.0f} 名人员，限值内只有 {:,.0f} 人（来自 {} 支力量）能到达（缺口 {:,.0f}）。</translation>
  </message>
  <message>
   <source>Evacuation plan (shelter capacity)</source>
   <translation>疏散方案（避难场所容量）</translation>
  </message>
  <message>
   <source>Assigns the people of every demand unit (DEMAND, population in DEMAND_FIELD) to SHELTERS within the limit so that no shelter takes more people than its capacity (CAPACITY_FIELD; an empty capacity is derived from effective_area_m2 and the area per person of the PRESET or the shelter class, as in population_coverage; shelters whose capacity stays unknown take nobody) and the total person-distance (person-time with MAX_TIME) is the least possible: an exact solution of the transportation problem by linear programming (HiGHS), on the network distances of the coverage engine (access leg + network + the shelter's access leg). As many people as the capacities within reach allow are placed first; a demand unit may be split between shelters. OUTPUT has one row per assignment (shelter, people, distance_m) and one row per demand unit with people left unplaced and why (no capacity left within reach, no shelter within the limit, only shelters with an unknown capacity). OUTPUT_ROUTES draws every assignment along the roads, OUTPUT_SHELTERS gives the load against capacity, OUTPUT_ROADS the people on every road segment (bottlenecks) and OUTPUT_SUMMARY the optimum against sending everyone to the nearest shelter regardless of capacity. ID_FIELD names the shelters (default: their name field). BARRIERS close the roads a hazard cuts.</source>
   <translation>将每个需求单元（DEMAND，人口在 DEMAND_FIELD 中）的人员分配到限值内的避难场所（SHELTERS），使任何避难场所接收的人数都不超过其容量（CAPACITY_FIELD；容量为空时由 effective_area_m2 和预设 PRESET 或避难场所类别的人均面积推算，与 population_coverage 相同；容量仍未知的避难场所不接收任何人），并使总人·距离（使用 MAX_TIME 时为人·时间）最小：在覆盖引擎的路网距离（接入段 + 路网 + 避难场所接入段）上用线性规划（HiGHS）精确求解运输问题。首先安置容量允许的最多人数；一个需求单元可以分配到多个避难场所。OUTPUT 每条分配一行（避难场所、人数、distance_m），每个有未安置人员的需求单元一行并说明原因（可达范围内无剩余容量、限值内无避难场所、只有容量未知的避难场所）。OUTPUT_ROUTES 沿道路绘制每条分配，OUTPUT_SHELTERS 给出负荷与容量，OUTPUT_ROADS 给出每个路段上的人数（瓶颈），OUTPUT_SUMMARY 将最优方案与不考虑容量、全部前往最近避难场所的方案进行比较。ID_FIELD 为避难场所命名（默认：其名称字段）。BARRIERS 关闭被灾害切断的道路。</translation>
  </message>
  <message>
   <source>min</source>
   <translation>分钟</translation>
  </message>
  <message>
   <source>m</source>
   <translation>米</translation>
  </message>
  <message>
   <source>Capacity field of the shelters (persons)</source>
   <translation>避难场所容量字段（人）</translation>
  </message>
  <message>
   <source>Shelters (points or polygons)</source>
   <translation>避难场所（点或面）</translation>
  </message>
  <message>
   <source>Evacuation assignments</source>
   <translation>疏散分配</translation>
  </message>
  <message>
   <source>Shelter loads of the plan</source>
   <translation>方案中的避难场所负荷</translation>
  </message>
  <message>
   <source>People per road segment</source>
   <translation>每个路段的人数</translation>
  </message>
  <message>
   <source>Evacuation plan summary</source>
   <translation>疏散方案汇总</translation>
  </message>
  <message>
   <source>SHELTERS is missing or cannot be read.</source>
   <translation>SHELTERS 缺失或无法读取。</translation>
  </message>
  <message>
   <source>Choose the capacity field of the shelters (CAPACITY_FIELD): the plan keeps every shelter within its capacity.</source>
   <translation>请选择避难场所的容量字段（CAPACITY_FIELD）：方案使每个避难场所都不超出其容量。</translation>
  </message>
  <message>
   <source>Shelter name or id field</source>
   <translation>避难场所名称或编号字段</translation>
  </message>
  <message>
   <source>{} demand units and {} shelters: {} pairs within the limit.</source>
   <translation>{} 个需求单元和 {} 处避难场所：限值内共 {} 对。</translation>
  </message>
  <message>
   <source>Placed {:,.0f} of {:,.0f} people; unplaced: {:,.0f} for lack of capacity within reach, {:,.0f} with no shelter within the limit, {:,.0f} reaching only shelters with an unknown capacity.</source>
   <translation>已安置 {:,.0f} / {:,.0f} 人；未安置：{:,.0f} 人因可达范围内容量不足，{:,.0f} 人在限值内没有避难场所，{:,.0f} 人只能到达容量未知的避难场所。</translation>
  </message>
  <message>
   <source>Optimum: total person-distance {:,.1f} km, {:,.0f} m per person placed.</source>
   <translation>最优方案：总人·距离 {:,.1f} 公里，每位被安置者 {:,.0f} 米。</translation>
  </message>
  <message>
   <source>Nearest shelter regardless of capacity: {:,.0f} people, {:,.1f} km, {:,.0f} m per person; {} shelters over capacity by {:,.0f} people in all.</source>
   <translation>不考虑容量、前往最近避难场所：{:,.0f} 人，{:,.1f} 公里，人均 {:,.0f} 米；{} 处避难场所超出容量，合计超出 {:,.0f} 人。</translation>
  </message>
  <message>
   <source>Solved exactly (HiGHS linear programming) in {:.2f} s: {} variables, {} constraints.</source>
   <translation>已精确求解（HiGHS 线性规划），用时 {:.2f} 秒：{} 个变量，{} 个约束。</translation>
  </message>
  <message>
   <source>{:,.0f} people within reach of a shelter find no place: the shelters within their reach are full.</source>
   <translation>{:,.0f} 名处于避难场所可达范围内的人员没有位置：其可达范围内的避难场所已满。</translation>
  </message>
  <message>
   <source>Respecting the capacities costs {:+,.0f} m per person against the nearest shelter.</source>
   <translation>与最近避难场所相比，遵守容量约束使人均距离变化 {:+,.0f} 米。</translation>
  </message>
  <message>
   <source>The evacuation plan could not be solved: {}</source>
   <translation>无法求解疏散方案：{}</translation>
  </message>
  <message>
   <source>Diameter class</source>
   <translation>管径分级</translation>
  </message>
  <message>
   <source>Installation decade</source>
   <translation>建设年代</translation>
  </message>
  <message>
   <source>Segments</source>
   <translation>段数</translation>
  </message>
  <message>
   <source>Length (km)</source>
   <translation>长度（公里）</translation>
  </message>
  <message>
   <source>Nodes</source>
   <translation>节点数</translation>
  </message>
  <message>
   <source>Features with effective area</source>
   <translation>已填有效面积的要素数</translation>
  </message>
  <message>
   <source>Features with capacity</source>
   <translation>已填容量的要素数</translation>
  </message>
  <message>
   <source>Points</source>
   <translation>点要素</translation>
  </message>
  <message>
   <source>Areas</source>
   <translation>面要素</translation>
  </message>
  <message>
   <source>Total</source>
   <translation>合计</translation>
  </message>
  <message>
   <source>Features in</source>
   <translation>范围内要素数</translation>
  </message>
  <message>
   <source>Exported</source>
   <translation>已导出</translation>
  </message>
  <message>
   <source>Left out</source>
   <translation>已剔除</translation>
  </message>
  <message>
   <source>Features</source>
   <translation>要素数</translation>
  </message>
  <message>
   <source>Findings</source>
   <translation>问题</translation>
  </message>
  <message>
   <source>Census code</source>
   <translation>普查编码</translation>
  </message>
  <message>
   <source>Export census package</source>
   <translation>导出普查成果包</translation>
  </message>
  <message>
   <source>Writes the census package of a planning database into the OUTPUT folder:
- census.gpkg: one layer per infrastructure class (risk sources, lifelines and their nodes, roads, shelters, shelter candidates, facilities) in the census schema, with field aliases, forms and styles. Only valid features are exported: a feature with an error of validate_census (missing required value, value not allowed, invalid or empty geometry, duplicate asset ID) is left out and listed in the layer "findings" with every reason. Features keep their feature id. Lines are stored as MultiLineString;
- census_statistics.xlsx (one sheet per table) and csv/*.csv (UTF-8): lifeline length by network type, material, diameter class, installation decade and condition; road length by class; node counts by kind and network; shelters by class with effective area and capacity; facilities by kind; risk sources by grade and kind; features in, exported and left out per layer;
- provenance.json and the sheet "provenance": plugin, QGIS and GDAL versions, inputs with their SHA-256, CRS, parameters, start and end time (UTC), feature counts.

AREA (optional): only features intersecting the polygons are exported; lines are cut to them, points and polygons are kept whole (their recorded area and capacity describe the whole site). Left-out features are reported when they intersect AREA (an invalid geometry is repaired for this test), or when they have no geometry. An AREA without polygons is an error; an AREA that no feature intersects gives a warning and an empty but complete package.

The package is built beside OUTPUT and replaces it only when complete: a failed or cancelled export leaves the previous package as it was. An existing OUTPUT folder is replaced only when it is empty or holds a census package.</source>
   <translation>将规划数据库的普查成果包写入 OUTPUT 文件夹：
- census.gpkg：按普查数据结构，每类基础设施（风险源、生命线及其节点、道路、避难场所、避难场所备选用地、应急设施）一个图层，带字段别名、表单和样式。只导出有效要素：存在 validate_census 错误（必填值缺失、取值不允许、几何无效或为空、资产编号重复）的要素被剔除，并连同全部原因列入图层“findings”。要素保留原要素编号。线以 MultiLineString 存储；
- census_statistics.xlsx（每张表一个工作表）和 csv/*.csv（UTF-8）：按管网类型、材质、管径分级、建设年代和状况统计的生命线长度；按道路等级统计的道路长度；按类型和管网统计的节点数；按类别统计的避难场所及其有效面积和容量；按类型统计的应急设施；按等级和类型统计的风险源；各图层范围内、已导出和已剔除的要素数；
- provenance.json 和工作表“provenance”：插件、QGIS 和 GDAL 版本，输入数据及其 SHA-256，坐标系，参数，开始和结束时间（UTC），要素数量。

AREA（可选）：只导出与其中的面相交的要素；线按面裁切，点和面保持完整（其记录的面积和容量描述的是整个场地）。被剔除的要素在其范围与 AREA 接触或没有几何时予以报告。AREA 中没有面时报错；AREA 与任何要素都不相交时给出警告，并生成一个空但完整的成果包。

成果包在 OUTPUT 旁生成，完整后才替换 OUTPUT：导出失败或取消时，原有成果包保持不变。已存在的 OUTPUT 文件夹只有在为空或包含普查成果包时才会被替换。</translation>
  </message>
  <message>
   <source>(not set)</source>
   <translation>（未填写）</translation>
  </message>
  <message>
   <source>Saving styles</source>
   <translation>正在保存样式</translation>
  </message>
  <message>
   <source>Computing statistics</source>
   <translation>正在计算统计数据</translation>
  </message>
  <message>
   <source>{} (code)</source>
   <translation>{}（代码）</translation>
  </message>
  <message>
   <source>Area to export (polygons)</source>
   <translation>导出范围（面）</translation>
  </message>
  <message>
   <source>Census package folder</source>
   <translation>普查成果包文件夹</translation>
  </message>
  <message>
   <source>Census GeoPackage</source>
   <translation>普查 GeoPackage</translation>
  </message>
  <message>
   <source>Statistics workbook</source>
   <translation>统计工作簿</translation>
  </message>
  <message>
   <source>Provenance record</source>
   <translation>溯源记录</translation>
  </message>
  <message>
   <source>Features exported</source>
   <translation>已导出要素数</translation>
  </message>
  <message>
   <source>AREA has no polygon to export: choose a layer with polygons (or selected polygons).</source>
   <translation>AREA 中没有可用于导出的面：请选择含有面的图层（或已选中的面）。</translation>
  </message>
  <message>
   <source>No valid feature of the database lies in AREA: the package is empty.</source>
   <translation>数据库中没有位于 AREA 内的有效要素：成果包为空。</translation>
  </message>
  <message>
   <source>under {} mm</source>
   <translation>小于 {} 毫米</translation>
  </message>
  <message>
   <source>Writing statistics</source>
   <translation>正在写入统计数据</translation>
  </message>
  <message>
   <source>{} features in scope: {} exported, {} left out ({} findings).</source>
   <translation>范围内要素 {} 个：已导出 {} 个，已剔除 {} 个（问题 {} 个）。</translation>
  </message>
  <message>
   <source>Census package written to {}</source>
   <translation>普查成果包已写入 {}</translation>
  </message>
  <message>
   <source>Key</source>
   <translation>项</translation>
  </message>
  <message>
   <source>The folder {} is not empty and holds no census package; choose a new or empty folder (the export replaces the whole folder).</source>
   <translation>文件夹 {} 不为空且不包含普查成果包；请选择新的或空的文件夹（导出会替换整个文件夹）。</translation>
  </message>
  <message>
   <source>The folder {} holds a census package and files the export did not write ({}); the export replaces the whole folder, so move them out or choose a new or empty folder. Nothing was changed.</source>
   <translation>文件夹 {} 包含普查成果包以及并非由导出写入的文件（{}）；导出会替换整个文件夹，请将这些文件移走，或选择新的或空的文件夹。未做任何更改。</translation>
  </message>
  <message>
   <source>The CRS of the database ({}) does not measure in metres.</source>
   <translation>数据库的坐标系（{}）不以米为单位。</translation>
  </message>
  <message>
   <source>{} to under {} mm</source>
   <translation>{}（含）至 {} 毫米（不含）</translation>
  </message>
  <message>
   <source>{} mm and more</source>
   <translation>{} 毫米及以上</translation>
  </message>
  <message>
   <source> and {} more</source>
   <translation>，另有 {} 个</translation>
  </message>
  <message>
   <source>AREA cannot be transformed to the CRS of the database: {}</source>
   <translation>AREA 无法转换到数据库的坐标系：{}</translation>
  </message>
  <message>
   <source>The new package could not replace {} (is a file of it open?): {}</source>
   <translation>新的成果包无法替换 {}（其中是否有文件处于打开状态？）：{}</translation>
  </message>
  <message>
   <source>Exporting {}</source>
   <translation>正在导出 {}</translation>
  </message>
  <message>
   <source>before {}</source>
   <translation>{} 以前</translation>
  </message>
  <message>
   <source>The database {} changed during the export; run it again.</source>
   <translation>数据库 {} 在导出期间发生了变化；请重新运行。</translation>
  </message>
  <message>
   <source>{} to {}</source>
   <translation>{} 至 {}</translation>
  </message>
  <message>
   <source>Exposure to risk zones or hazard</source>
   <translation>风险区或灾害暴露分析</translation>
  </message>
  <message>
   <source>Reports what lies in the risk zones (ZONES: polygons with a grade field, for example the output of Risk influence zones) or in a hazard raster (HAZARD, classed by HAZARD_BREAKS: values below the first break are not exposed). Give one of the two.
TARGETS: lifelines and roads (lines: cut at zone boundaries, one row per line and class with its exposed_length_m, by network type and class; with a raster the maximum and length-weighted mean value along each line, sampled twice per cell), shelters (inside a zone: flagged unusable), facilities and buildings (counted), population polygons (POPULATION_FIELD counted by the share of their area inside), population points and population rasters. The summary's count is the number of features: a line cut into several pieces counts once per class it reaches.
The raster is read window by window, so rasters larger than memory work; nodata cells are not counted as exposed (their length is reported). Vectors are transformed to the raster's CRS for sampling, lines and polygons first given vertices every half cell so that they follow their true course there; lengths are measured in metres in a metric CRS. Invalid zone geometries are repaired and reported. No input layer is modified.</source>
   <translation>报告位于风险区（ZONES：带等级字段的面，例如“风险影响范围”的输出）或灾害栅格（HAZARD，按 HAZARD_BREAKS 分级：低于第一个分级阈值的值不计为暴露）内的对象。二者给出其一。
TARGETS：生命线和道路（线：在分区边界处切分，每条线每个等级一行，给出 exposed_length_m，按管网类型和等级统计；使用栅格时给出每条线沿线的最大值和长度加权平均值，每个像元采样两次）、避难场所（位于分区内：标记为不可用）、应急设施和建筑（计数）、人口面（POPULATION_FIELD 按其位于区内的面积比例计入）、人口点和人口栅格。汇总中的 count 为要素数：被切成多段的线在其到达的每个等级中只计一次。
栅格逐窗口读取，因此可处理大于内存的栅格；无数据像元不计为暴露（报告其长度）。矢量数据转换到栅格的坐标系进行采样，线和面先按半个像元的间距加密节点，使其在栅格坐标系中沿真实走向；长度在以米为单位的坐标系中量算。无效的分区几何会被修复并报告。不修改任何输入图层。</translation>
  </message>
  <message>
   <source>Raster window (cells a side)</source>
   <translation>栅格读取窗口（每边像元数）</translation>
  </message>
  <message>
   <source>Zone grade field</source>
   <translation>分区等级字段</translation>
  </message>
  <message>
   <source>Targets</source>
   <translation>承灾体图层</translation>
  </message>
  <message>
   <source>Exposure summary</source>
   <translation>暴露汇总</translation>
  </message>
  <message>
   <source>The zone layer is empty: nothing is exposed.</source>
   <translation>分区图层为空：无暴露对象。</translation>
  </message>
  <message>
   <source>Give at least one target layer.</source>
   <translation>请至少给出一个承灾体图层。</translation>
  </message>
  <message>
   <source>Give either ZONES (polygons) or HAZARD (a raster), not both.</source>
   <translation>ZONES（面）与 HAZARD（栅格）只能给出其一，不能同时给出。</translation>
  </message>
  <message>
   <source>Nothing of the targets is exposed.</source>
   <translation>承灾体均未暴露。</translation>
  </message>
  <message>
   <source>The zones are not in a metric CRS; working in {}.</source>
   <translation>分区不在以米为单位的坐标系中；改在 {} 中计算。</translation>
  </message>
  <message>
   <source>The zone layer has no field "{}".</source>
   <translation>分区图层中没有字段“{}”。</translation>
  </message>
  <message>
   <source>{} zones had an invalid geometry and were repaired: feature ids {}</source>
   <translation>{} 个分区几何无效，已修复：要素编号 {}</translation>
  </message>
  <message>
   <source>{} zones without geometry were skipped.</source>
   <translation>已跳过 {} 个无几何的分区。</translation>
  </message>
  <message>
   <source>Hazard raster: {} x {} cells in {}; classes {}; window {} cells.</source>
   <translation>灾害栅格：{} × {} 个像元，坐标系 {}；分级 {}；窗口 {} 个像元。</translation>
  </message>
  <message>
   <source>(custom CRS)</source>
   <translation>（自定义坐标系）</translation>
  </message>
  <message>
   <source>Target {} of {}: {}</source>
   <translation>承灾体图层 {}/{}：{}</translation>
  </message>
  <message>
   <source>The hazard raster does not overlap the target layer {}: nothing of it can be exposed.</source>
   <translation>灾害栅格与承灾体图层 {} 不重叠：该图层中没有对象会暴露。</translation>
  </message>
  <message>
   <source>{}: {} features without a usable geometry were skipped.</source>
   <translation>{}：已跳过 {} 个没有可用几何的要素。</translation>
  </message>
  <message>
   <source>{}: {:.0f} m of lines lie on nodata cells (not counted as exposed).</source>
   <translation>{}：有 {:.0f} 米线路位于无数据像元上（不计为暴露）。</translation>
  </message>
  <message>
   <source>{}: {:.0f} m of lines lie outside the raster.</source>
   <translation>{}：有 {:.0f} 米线路位于栅格范围之外。</translation>
  </message>
  <message>
   <source>{} has no field "{}": its features are counted, not people.</source>
   <translation>{} 中没有字段“{}”：统计要素数而非人数。</translation>
  </message>
  <message>
   <source>{} {} {}: {:.0f} m, {} features, {} unusable, {:.0f} people</source>
   <translation>{} {} {}：{:.0f} 米，{} 个要素，{} 个不可用，{:.0f} 人</translation>
  </message>
  <message>
   <source>The target layer {} is empty.</source>
   <translation>承灾体图层 {} 为空。</translation>
  </message>
  <message>
   <source>{} is in {}, the raster in {}: the layer is transformed to the raster CRS for sampling.</source>
   <translation>{} 的坐标系为 {}，栅格为 {}：采样时将该图层转换到栅格坐标系。</translation>
  </message>
  <message>
   <source>Generate isolation devices</source>
   <translation>生成隔离设备</translation>
  </message>
  <message>
   <source>Adds valves (switches for power and telecom) to a network that has none mapped, by the strategic N-k rule of WNTR's valve layers: at every junction all pipes but UNVALVED (1: N-1, 0: every pipe) get a device, OFFSET metres from the junction on the pipe. The devices are written to the lifeline nodes with data source "inferred" and a remark that they are generated, so they are never taken for surveyed ones; the network's lines are not changed. A network that already has devices is left as it is. Which pipe stays without a device at each junction is drawn at random with SEED; pipes shorter than twice the snapping distance (2 m) get none.</source>
   <translation>为没有测绘隔离设备的管网添加阀门（电力和通信为开关），采用 WNTR 阀门图层的 N-k 策略规则：每个节点处除 UNVALVED 条管道外（1：N-1，0：每条管道）均布设一个设备，位于管道上距节点 OFFSET 米处。设备写入生命线节点，数据来源为"推断"，并注明为生成，绝不会被当作实测设备；管网管线不作改动。已有设备的管网保持不变。每个节点处哪条管道不设设备按 SEED 随机抽取；短于两倍捕捉距离（2 米）的管道不设设备。</translation>
  </message>
  <message>
   <source>Network</source>
   <translation>网络类型</translation>
  </message>
  <message>
   <source>Pipes without a device at each junction</source>
   <translation>每个节点处不设设备的管道数</translation>
  </message>
  <message>
   <source>Distance from the junction (m)</source>
   <translation>距节点距离（米）</translation>
  </message>
  <message>
   <source>Random seed</source>
   <translation>随机种子</translation>
  </message>
  <message>
   <source>Devices added</source>
   <translation>新增设备数</translation>
  </message>
  <message>
   <source>Generated: strategic N-{} isolation device, not surveyed</source>
   <translation>生成：按 N-{} 策略布设的隔离设备，非实测</translation>
  </message>
  <message>
   <source>Generated: {}</source>
   <translation>生成：{}</translation>
  </message>
  <message>
   <source>{} generated devices ({}) added to the {} network ({} junctions).</source>
   <translation>{} 个生成的设备（{}）已添加到 {} 管网（{} 个节点）。</translation>
  </message>
  <message>
   <source>The {} network already has {} isolation devices ({}); nothing was added.</source>
   <translation>{} 管网已有 {} 个隔离设备（{}）；未添加任何设备。</translation>
  </message>
  <message>
   <source>The {} network has no lines in service.</source>
   <translation>{} 管网没有在用管线。</translation>
  </message>
  <message>
   <source>Hazard raster from a scenario</source>
   <translation>由情景生成灾害栅格</translation>
  </message>
  <message>
   <source>Makes a hazard raster (GeoTIFF) when no hazard data exists. Give either:
- DEM and LEVEL: a flood at a water level; each cell holds the depth LEVEL minus elevation where positive, 0 where dry, and nodata where the DEM has none (same grid as the DEM); or
- RISK_SOURCES: a release footprint around each source with CLASSES distance-decay rings: the value is CLASSES in the innermost ring down to 1 in the outermost, 0 outside. The radius is RADIUS, or each source's influence distance (distance field, table, grade) when RADIUS is empty. The grid has CELL_SIZE metres and covers EXTENT, or the footprints.
Rasters are processed window by window. The result can be used as HAZARD by Exposure, or as BARRIERS with a threshold by the coverage algorithms.</source>
   <translation>在没有灾害数据时生成灾害栅格（GeoTIFF）。二者给出其一：
- DEM 和 LEVEL：某一水位下的洪水淹没；像元值为 LEVEL 减去高程所得的水深（为正时），无水处为 0，DEM 为无数据处为无数据（网格与 DEM 相同）；或
- RISK_SOURCES：在每个风险源周围生成含 CLASSES 个距离衰减环的泄漏影响范围：最内环取值为 CLASSES，向外逐环递减，最外环为 1，环外为 0。半径为 RADIUS；RADIUS 留空时采用每个风险源的影响距离（距离字段、距离表、等级）。网格像元大小为 CELL_SIZE 米，覆盖 EXTENT，未给出时覆盖各泄漏影响范围。
栅格逐窗口处理。结果可作为“风险区或灾害暴露分析”的 HAZARD，或配合阈值作为覆盖分析算法的 BARRIERS。</translation>
  </message>
  <message>
   <source>Elevation model (DEM)</source>
   <translation>高程模型（DEM）</translation>
  </message>
  <message>
   <source>Flood water level (DEM units)</source>
   <translation>洪水水位（DEM 单位）</translation>
  </message>
  <message>
   <source>Risk sources (release)</source>
   <translation>风险源（泄漏）</translation>
  </message>
  <message>
   <source>Release radius (m)</source>
   <translation>泄漏影响半径（米）</translation>
  </message>
  <message>
   <source>Distance-decay classes</source>
   <translation>距离衰减分级数</translation>
  </message>
  <message>
   <source>Cell size (m)</source>
   <translation>像元大小（米）</translation>
  </message>
  <message>
   <source>Extent of the release grid</source>
   <translation>泄漏栅格范围</translation>
  </message>
  <message>
   <source>Give either DEM and LEVEL (flood) or RISK_SOURCES (release).</source>
   <translation>请给出 DEM 和 LEVEL（洪水），或给出 RISK_SOURCES（泄漏），二者选一。</translation>
  </message>
  <message>
   <source>Give the flood water LEVEL.</source>
   <translation>请给出洪水水位 LEVEL。</translation>
  </message>
  <message>
   <source>No cell of the DEM lies below the level: the raster holds no flood.</source>
   <translation>DEM 中没有低于该水位的像元：栅格中没有淹没区。</translation>
  </message>
  <message>
   <source>The risk-source layer is empty: no release footprint.</source>
   <translation>风险源图层为空：无泄漏影响范围。</translation>
  </message>
  <message>
   <source>Flood level {:g}: {} wet cells, deepest {:.2f}.</source>
   <translation>洪水水位 {:g}：{} 个淹没像元，最大水深 {:.2f}。</translation>
  </message>
  <message>
   <source>Release footprint: {} sources, {} x {} cells of {:g} m in {}; cells per class: {}</source>
   <translation>泄漏影响范围：{} 个风险源，{} × {} 个 {:g} 米像元，坐标系 {}；各级像元数：{}</translation>
  </message>
  <message>
   <source>OUTPUT must be a GeoTIFF (.tif): {}</source>
   <translation>OUTPUT 必须是 GeoTIFF 文件（.tif）：{}</translation>
  </message>
  <message>
   <source>The grid would have {} x {} cells: give a larger CELL_SIZE or a smaller EXTENT.</source>
   <translation>网格将有 {} × {} 个像元：请给出更大的 CELL_SIZE 或更小的 EXTENT。</translation>
  </message>
  <message>
   <source>Import EPANET network</source>
   <translation>导入 EPANET 管网</translation>
  </message>
  <message>
   <source>Reads an EPANET input file (.inp) into the planning database: pipes, pumps and control valves become water-supply lifelines drawn through their vertices, reservoirs and tanks become water sources (lifeline nodes of kind "Water works / reservoir / tank"). Asset IDs are PREFIX followed by the EPANET ID. Lengths of US-customary files are converted to metres and diameters to millimetres. CRS is the CRS of the file's coordinates (empty: the database's); schematic coordinates can be scaled with SCALE and moved so that their lower-left corner lies at ORIGIN. EPANET has no isolation valves: add them with Generate isolation devices. Junction demands, patterns, curves and controls stay in the EPANET model; every link is taken as open.</source>
   <translation>将 EPANET 输入文件（.inp）读入规划数据库：管道、水泵和控制阀成为经过其顶点绘制的供水生命线，水库和水池成为水源（类型为"水厂 / 水库 / 水池"的生命线节点）。资产编号为 PREFIX 加 EPANET 编号。美制单位文件的长度换算为米，管径换算为毫米。CRS 为文件坐标的坐标参考系（空：与数据库相同）；示意坐标可用 SCALE 缩放，并移动到其左下角位于 ORIGIN。EPANET 没有隔离阀：请用"生成隔离设备"添加。节点需水量、模式、曲线和控制保留在 EPANET 模型中；所有管段均视为开启。</translation>
  </message>
  <message>
   <source>EPANET input file</source>
   <translation>EPANET 输入文件</translation>
  </message>
  <message>
   <source>CRS of the coordinates (empty: the database's)</source>
   <translation>坐标的坐标参考系（空：与数据库相同）</translation>
  </message>
  <message>
   <source>Scale of the coordinates</source>
   <translation>坐标缩放比例</translation>
  </message>
  <message>
   <source>Lower-left corner at (empty: as in the file)</source>
   <translation>左下角位置（空：与文件相同）</translation>
  </message>
  <message>
   <source>Asset ID prefix (empty: the file name)</source>
   <translation>资产编号前缀（空：文件名）</translation>
  </message>
  <message>
   <source>Lines imported</source>
   <translation>导入的管线数</translation>
  </message>
  <message>
   <source>Sources imported</source>
   <translation>导入的源站数</translation>
  </message>
  <message>
   <source>{}: {} lines ({} pipes, {} pumps, {} control valves) and {} sources imported; {} junctions are vertices of the lines.</source>
   <translation>{}：已导入 {} 条管线（{} 条管道、{} 台水泵、{} 个控制阀）和 {} 个源站；{} 个节点为管线的顶点。</translation>
  </message>
  <message>
   <source>{}: {} nodes have no coordinates ({}); the network cannot be drawn.</source>
   <translation>{}：{} 个节点没有坐标（{}）；无法绘制管网。</translation>
  </message>
  <message>
   <source>The database already has assets {} (imported before?); choose another PREFIX. Nothing was imported.</source>
   <translation>数据库中已有资产 {}（此前已导入？）；请另选 PREFIX。未导入任何内容。</translation>
  </message>
  <message>
   <source>Cancelled; nothing was imported.</source>
   <translation>已取消；未导入任何内容。</translation>
  </message>
  <message>
   <source>{} is not a readable EPANET input file: {}</source>
   <translation>{} 不是可读取的 EPANET 输入文件：{}</translation>
  </message>
  <message>
   <source>EPANET {} {}{}</source>
   <translation>EPANET {} {}{}</translation>
  </message>
  <message>
   <source>, closed in the model</source>
   <translation>，模型中为关闭状态</translation>
  </message>
  <message>
   <source>EPANET {}</source>
   <translation>EPANET {}</translation>
  </message>
  <message>
   <source>Mapped as a point in OpenStreetMap: drawn as a {} m circle; effective area unknown.</source>
   <translation>OpenStreetMap 中以点表示：绘制为半径 {} 米的圆；有效面积未知。</translation>
  </message>
  <message>
   <source>Import OpenStreetMap</source>
   <translation>导入 OpenStreetMap 数据</translation>
  </message>
  <message>
   <source>Fills a planning database with OpenStreetMap data from an .osm.pbf file (or any vector source with OSM tags as columns): roads (class, speed from maxspeed, one-way, passable), power lines, pipelines and telecom lines, lifeline nodes (substations, transformers, towers and poles, hydrants, valves, pump stations, manholes), fire stations, hospitals and ambulance stations, emergency shelters and assembly points, shelter candidates (community centres, schools, parks, sports grounds), fuel and LPG stations, gas and chemical sites, industrial land, and buildings.

Geometries are reprojected to the database CRS. Invalid ones are repaired; those that cannot be used are skipped. Both are listed in the log with their OSM id. Risk sources get the default grade of their kind: assess them. Shelters and candidate sites mapped as points become small circles without an area. Objects already imported (same asset ID) are left as they are, so a second import adds only new objects. A file GDAL cannot read to its end (a truncated download) stops the import with nothing written.

The database is updated in one transaction: a failed or cancelled import leaves it unchanged.</source>
   <translation>用 .osm.pbf 文件（或任何以 OSM 标签为字段的矢量数据源）中的 OpenStreetMap 数据填充规划数据库：道路（等级、由 maxspeed 得出的速度、单行、可通行）、电力线、管道和通信线路、生命线节点（变电站、变压器、铁塔和电杆、消火栓、阀门、泵站、检查井）、消防站、医院和急救站、应急避难场所和应急集合点、避难场所备选用地（社区中心、学校、公园、体育场地）、加油站和液化石油气站、燃气和化工场所、工业用地，以及建筑。

几何重投影到数据库坐标系。无效几何会被修复；无法使用的几何会被跳过。两者均连同其 OSM 编号列在日志中。风险源取其类型的默认等级：请进行评估。以点表示的避难场所和备选用地会成为没有面积的小圆。已导入的对象（资产编号相同）保持不变，因此再次导入只会添加新对象。GDAL 无法读到末尾的文件（下载中断而被截断）会使导入停止，不写入任何内容。

数据库在一个事务中更新：导入失败或取消时数据库保持不变。</translation>
  </message>
  <message>
   <source>OpenStreetMap file (.osm.pbf) or vector source</source>
   <translation>OpenStreetMap 文件（.osm.pbf）或矢量数据源</translation>
  </message>
  <message>
   <source>Rows skipped (unusable geometry)</source>
   <translation>跳过的记录数（几何不可用）</translation>
  </message>
  <message>
   <source>Objects with a repaired geometry</source>
   <translation>几何经修复的对象数</translation>
  </message>
  <message>
   <source>Rows already in the database</source>
   <translation>数据库中已有的记录数</translation>
  </message>
  <message>
   <source>OpenStreetMap (*.osm.pbf *.pbf *.osm);;All files (*.*)</source>
   <translation>OpenStreetMap (*.osm.pbf *.pbf *.osm);;所有文件 (*.*)</translation>
  </message>
  <message>
   <source>Reading {}</source>
   <translation>正在读取 {}</translation>
  </message>
  <message>
   <source>{} cannot be read to its end; GDAL says: {}. The file may be truncated (an interrupted download): download it again. The planning database was not changed.</source>
   <translation>{} 无法读到末尾；GDAL 提示：{}。该文件可能已被截断（下载中断）：请重新下载。规划数据库未作任何更改。</translation>
  </message>
  <message>
   <source>GDAL left out {} relations whose member ways are not all in the file (an extract cut at its edge): {}</source>
   <translation>GDAL 略去了 {} 个成员路径不全在文件中的关系（数据摘录在边缘处被截断）：{}</translation>
  </message>
  <message>
   <source>GDAL warning while reading: {}</source>
   <translation>读取时 GDAL 警告：{}</translation>
  </message>
  <message>
   <source>Invalid geometries repaired with makeValid: {}. {}</source>
   <translation>已用 makeValid 修复的无效几何：{} 个。{}</translation>
  </message>
  <message>
   <source>{} rows were already in the database (same asset ID) and were left as they are.</source>
   <translation>{} 条记录已在数据库中（资产编号相同），保持不变。</translation>
  </message>
  <message>
   <source>{} sports pitches smaller than the minimum site area were not taken as shelter candidates.</source>
   <translation>{} 处面积小于最小场地面积的运动场未列为避难场所备选用地。</translation>
  </message>
  <message>
   <source>{} risk sources got the default risk grade of their kind; assess them and set the grade.</source>
   <translation>{} 个风险源采用了其类型的默认风险等级；请评估并设定等级。</translation>
  </message>
  <message>
   <source>Rows written to {}</source>
   <translation>写入 {} 的记录数</translation>
  </message>
  <message>
   <source>{}: {} skipped for an unusable geometry: {}</source>
   <translation>{}：因几何不可用跳过 {} 个：{}</translation>
  </message>
  <message>
   <source>Writing {}</source>
   <translation>正在写入 {}</translation>
  </message>
  <message>
   <source>{}: {} rows written.</source>
   <translation>{}：已写入 {} 条记录。</translation>
  </message>
  <message>
   <source>Import population</source>
   <translation>导入人口数据</translation>
  </message>
  <message>
   <source>Copies population counts into the planning database: polygons (grid cells, census units) into the population layer, points (address points, building centroids) into population points. FIELD is the numeric field with the number of people; YEAR and DISTRICT_FIELD are optional.

Geometries are reprojected to the database CRS and repaired when invalid. Features with an empty or negative count, or a geometry that cannot be used, are skipped and listed in the log by feature id. Rows are added to those already in the layer. The database is updated in one step: a failed or cancelled import leaves it unchanged.</source>
   <translation>将人口数导入规划数据库：面（格网、普查单元）写入人口图层，点（地址点、建筑中心点）写入人口点图层。FIELD 为表示人数的数值字段；YEAR 和 DISTRICT_FIELD 可选。

几何重投影到数据库坐标系，无效时予以修复。人数为空或为负、或几何无法使用的要素会被跳过，并按要素编号列在日志中。新记录追加到图层已有记录之后。数据库一次性更新：导入失败或取消时数据库保持不变。</translation>
  </message>
  <message>
   <source>Population layer (polygons or points)</source>
   <translation>人口图层（面或点）</translation>
  </message>
  <message>
   <source>Population count field</source>
   <translation>人口数字段</translation>
  </message>
  <message>
   <source>District field</source>
   <translation>行政区字段</translation>
  </message>
  <message>
   <source>Layer written</source>
   <translation>写入的图层</translation>
  </message>
  <message>
   <source>Rows written</source>
   <translation>写入的记录数</translation>
  </message>
  <message>
   <source>Features skipped</source>
   <translation>跳过的要素数</translation>
  </message>
  <message>
   <source>Geometries repaired</source>
   <translation>修复的几何数</translation>
  </message>
  <message>
   <source>Population written</source>
   <translation>写入的人口数</translation>
  </message>
  <message>
   <source>{}: {} rows written, {} people in all.</source>
   <translation>{}：已写入 {} 条记录，共 {} 人。</translation>
  </message>
  <message>
   <source>The layer has no field "{}".</source>
   <translation>图层中没有字段“{}”。</translation>
  </message>
  <message>
   <source>The field "{}" is not numeric ({}); choose the field with the number of people.</source>
   <translation>字段“{}”不是数值型（{}）；请选择表示人数的字段。</translation>
  </message>
  <message>
   <source>{} already had {} rows; the new rows were added to them.</source>
   <translation>{} 中已有 {} 条记录；新记录已追加。</translation>
  </message>
  <message>
   <source>Features skipped for an empty or negative count: {}. Feature ids: {}</source>
   <translation>因人数为空或为负而跳过的要素：{} 个。要素编号：{}</translation>
  </message>
  <message>
   <source>Features skipped for an unusable geometry: {}. {}</source>
   <translation>因几何不可用而跳过的要素：{} 个。{}</translation>
  </message>
  <message>
   <source>Invalid geometries repaired with makeValid: {}. Feature ids: {}</source>
   <translation>已用 makeValid 修复的无效几何：{} 个。要素编号：{}</translation>
  </message>
  <message>
   <source>The networks are the lifelines of each type with the lifeline nodes of the same network: isolation devices (valves; switches and substations for power; regulator stations for gas) on line vertices split them into isolation segments; sources (pump stations, water works for water; substations for power; regulator stations for gas) feed them. A failed line or node is isolated by closing the devices around its segment (a device that cannot be operated, INOPERABLE, makes the isolation grow to the next ones); what is no longer connected to a working source is cut off. Dependencies between assets come from the dependencies table; with DEFAULT_DEPENDENCIES the default rules add the nearest provider where the table has no row of that kind (reported as assumptions to confirm). A dependent asset fails when every provider of a kind is lost, after its backup time; TIME_HOURS stops the clock (assets still on backup are reported on_backup). People are served by the nearest line of each network within its service distance.</source>
   <translation>管网由各类型的生命线及同一管网的生命线节点构成：管线顶点上的隔离设备（阀门；电力为开关和变电站；燃气为调压站）将其划分为隔离段；源站（供水为泵站、水厂；电力为变电站；燃气为调压站）向其供给。故障管线或节点通过关闭其隔离段周围的设备进行隔离（无法操作的设备 INOPERABLE 会使隔离范围扩大到下一批设备）；不再与正常源站连通的部分被切断。资产间依赖关系来自依赖关系表；勾选 DEFAULT_DEPENDENCIES 时，若表中没有某类记录，默认规则会添加最近的提供方（作为待确认的假定列出）。依赖方在某类服务的所有提供方均失效、且备用时长耗尽后失效；TIME_HOURS 为停供时长（仍在备用运行的资产标记为 on_backup）。人口由各管网服务距离内最近的管线供给。</translation>
  </message>
  <message>
   <source>Reading the lifeline networks</source>
   <translation>读取生命线管网</translation>
  </message>
  <message>
   <source>Isolation devices that cannot be operated (asset IDs, comma separated)</source>
   <translation>无法操作的隔离设备（资产编号，用逗号分隔）</translation>
  </message>
  <message>
   <source>Duration of the outage (hours; empty: until every backup runs out)</source>
   <translation>停供时长（小时；空：直到所有备用耗尽）</translation>
  </message>
  <message>
   <source>Assume default dependencies where the table has none</source>
   <translation>依赖关系表中没有记录时采用默认依赖关系</translation>
  </message>
  <message>
   <source>Affected lines</source>
   <translation>受影响管线</translation>
  </message>
  <message>
   <source>Consequences by service</source>
   <translation>按服务统计的后果</translation>
  </message>
  <message>
   <source>The planning database has no lifelines in service: nothing to analyse.</source>
   <translation>规划数据库中没有在用生命线：无可分析内容。</translation>
  </message>
  <message>
   <source>{} assets affected: {}.</source>
   <translation>{} 个资产受影响：{}。</translation>
  </message>
  <message>
   <source>{} network: {} lines, {} isolation segments, {} isolation devices, {} sources.</source>
   <translation>{} 管网：{} 条管线，{} 个隔离段，{} 个隔离设备，{} 个源站。</translation>
  </message>
  <message>
   <source>{}: {} features not in service or without geometry are left out.</source>
   <translation>{}：{} 个非在用或无几何的要素未纳入。</translation>
  </message>
  <message>
   <source>{} dependencies name assets that are not in the database (left out): {}</source>
   <translation>{} 条依赖关系引用了数据库中不存在的资产（未纳入）：{}</translation>
  </message>
  <message>
   <source>{} dependencies of the table are not confirmed yet.</source>
   <translation>依赖关系表中有 {} 条记录尚未确认。</translation>
  </message>
  <message>
   <source>{} dependencies are assumed from the default rules (not in the dependencies table; confirm them with "Propose dependencies"):</source>
   <translation>按默认规则假定了 {} 条依赖关系（不在依赖关系表中；请用"提出依赖关系"确认）：</translation>
  </message>
  <message>
   <source>{}: no asset with the ID {} in the lifelines, lifeline nodes, facilities or shelters in service.</source>
   <translation>{}：在用的生命线、生命线节点、应急设施或避难场所中没有编号为 {} 的资产。</translation>
  </message>
  <message>
   <source>{} features of {} name assets not in the database: {}</source>
   <translation>{} 个要素（来自 {}）引用了数据库中不存在的资产：{}</translation>
  </message>
  <message>
   <source>Isolation devices to close: {}.</source>
   <translation>需关闭的隔离设备：{}。</translation>
  </message>
  <message>
   <source>  {} needs {} from {} ({:.0f} m away, backup {:g} h): {}</source>
   <translation>  {} 需要 {}，来自 {}（相距 {:.0f} 米，备用 {:g} 小时）：{}</translation>
  </message>
  <message>
   <source>  ... and {} more</source>
   <translation>  ……另有 {} 条</translation>
  </message>
  <message>
   <source>{} has neither an asset_id field nor the layer and feature_id fields of an exposure result.</source>
   <translation>{} 既没有 asset_id 字段，也没有暴露分析结果的 layer 和 feature_id 字段。</translation>
  </message>
  <message>
   <source>{}: {:,.0f} people without the service ({:.1%} of those served), {} hospitals, {} fire stations, {} shelters</source>
   <translation>{}：{:,.0f} 人失去该服务（占服务人口的 {:.1%}），{} 家医院，{} 个消防站，{} 处避难场所</translation>
  </message>
  <message>
   <source>Lifeline criticality (N-1)</source>
   <translation>生命线关键性（N-1）</translation>
  </message>
  <message>
   <source>The N-1 scan: every isolation segment of the networks fails in turn (and every node asset of NODE_KINDS, by default the sources); for each, what it cuts: the length of network lost, the people without this network's service and without any service (the chain into other networks included), and the hospitals, fire stations and shelters that lose a service; ranked, most critical first. Isolation segments with too few devices are findings: more hydrants than MAX_HYDRANTS, or longer than MAX_SEGMENT_LENGTH (default: 600 m of water main); parts of a network fed by no source are findings too. The segment-device graph is built once per network and one depth-first search gives what every segment cuts off; the whole chain is simulated only for segments that cut a provider of a dependency.</source>
   <translation>N-1 扫描：管网的每个隔离段逐一故障（以及 NODE_KINDS 中的每个节点资产，默认为源站）；对每一次故障，统计其影响：失效的管网长度、失去本管网服务和失去任一服务的人口（含传递到其他管网的灾害链），以及失去服务的医院、消防站和避难场所；按关键性从高到低排序。隔离设备过少的隔离段列为问题：消火栓多于 MAX_HYDRANTS，或长于 MAX_SEGMENT_LENGTH（默认：600 米供水干管）；没有源站供给的管网部分也列为问题。每个管网只构建一次隔离段-设备图，一次深度优先搜索即得出每个隔离段切断的范围；仅对切断依赖关系提供方的隔离段模拟完整灾害链。</translation>
  </message>
  <message>
   <source>N-1 scan of the isolation segments</source>
   <translation>隔离段 N-1 扫描</translation>
  </message>
  <message>
   <source>Networks (comma separated; empty: all)</source>
   <translation>管网（用逗号分隔；空：全部）</translation>
  </message>
  <message>
   <source>Node kinds scanned too (comma separated; empty: the sources)</source>
   <translation>一并扫描的节点类型（用逗号分隔；空：源站）</translation>
  </message>
  <message>
   <source>Largest isolation segment (m; empty: per network)</source>
   <translation>隔离段最大长度（米；空：按管网取值）</translation>
  </message>
  <message>
   <source>Most hydrants in one isolation segment</source>
   <translation>一个隔离段内最多消火栓数</translation>
  </message>
  <message>
   <source>Isolation segments (N-1)</source>
   <translation>隔离段（N-1）</translation>
  </message>
  <message>
   <source>Node assets (N-1)</source>
   <translation>节点资产（N-1）</translation>
  </message>
  <message>
   <source>Lifeline findings</source>
   <translation>生命线问题清单</translation>
  </message>
  <message>
   <source>Isolation segments</source>
   <translation>隔离段数</translation>
  </message>
  <message>
   <source>Isolation segments too large</source>
   <translation>过大的隔离段数</translation>
  </message>
  <message>
   <source>{} isolation segments scanned, {} too large.</source>
   <translation>已扫描 {} 个隔离段，{} 个过大。</translation>
  </message>
  <message>
   <source>N-1 scan of {} node assets</source>
   <translation>{} 个节点资产的 N-1 扫描</translation>
  </message>
  <message>
   <source>#{} {} segment {} ({}): {:,.0f} m lost, {:,.0f} people without service, {} facilities</source>
   <translation>#{} {} 隔离段 {}（{}）：失效 {:,.0f} 米，{:,.0f} 人失去服务，{} 处设施</translation>
  </message>
  <message>
   <source>No lines of the networks {} in service; scanned: {}</source>
   <translation>管网 {} 没有在用管线；已扫描：{}</translation>
  </message>
  <message>
   <source>{} segment {}: {:,.0f} m of line, {} hydrants, closed by {} devices ({}); at most {} m and {} hydrants</source>
   <translation>{} 隔离段 {}：管线 {:,.0f} 米，{} 个消火栓，由 {} 个设备关闭（{}）；上限为 {} 米和 {} 个消火栓</translation>
  </message>
  <message>
   <source>{} segment {} ({:,.0f} m: {}) is connected to no source.</source>
   <translation>{} 隔离段 {}（{:,.0f} 米：{}）未连接任何源站。</translation>
  </message>
  <message>
   <source>Propose dependencies</source>
   <translation>提出依赖关系</translation>
  </message>
  <message>
   <source>Proposes the dependencies between assets that the default rules give (a pump station needs power from the nearest substation, a hospital its water from the nearest main ...) for every dependent asset that has no dependency of that kind in the dependencies table yet. OUTPUT lists the proposals with the distance and the source of each rule; with WRITE they are added to the table as unconfirmed rows (confirmed = false, rule and data source "inferred") for the user to check, correct and confirm. Rows already in the table are never changed.

Rules:
</source>
   <translation>按默认规则为依赖关系表中尚无该类依赖记录的每个依赖方资产提出资产间依赖关系（如泵站由最近的变电站供电、医院由最近的干管供水……）。OUTPUT 列出各项建议及距离和每条规则的依据；勾选 WRITE 时，建议以未确认记录（confirmed = false，注明规则，数据来源为"推断"）添加到表中，供用户核查、修正和确认。表中已有记录绝不会被改动。

规则：
</translation>
  </message>
  <message>
   <source>Add the proposals to the dependencies table (unconfirmed)</source>
   <translation>将建议添加到依赖关系表（未确认）</translation>
  </message>
  <message>
   <source>Proposed dependencies</source>
   <translation>建议的依赖关系</translation>
  </message>
  <message>
   <source>Dependencies proposed</source>
   <translation>建议的依赖关系数</translation>
  </message>
  <message>
   <source>Dependencies added to the table</source>
   <translation>添加到依赖关系表的数量</translation>
  </message>
  <message>
   <source>{} dependencies proposed, {} added to the dependencies table as unconfirmed.</source>
   <translation>提出 {} 条依赖关系，其中 {} 条以未确认状态添加到依赖关系表。</translation>
  </message>
  <message>
   <source>{} needs {} from {} ({:.0f} m, backup {:g} h)</source>
   <translation>{} 需要 {}，来自 {}（{:.0f} 米，备用 {:g} 小时）</translation>
  </message>
  <message>
   <source>Proposed by a default rule ({:.0f} m): {}</source>
   <translation>由默认规则提出（{:.0f} 米）：{}</translation>
  </message>
  <message>
   <source>Lifeline failure</source>
   <translation>生命线故障</translation>
  </message>
  <message>
   <source>The failure of lifeline assets and what follows: the isolation devices to close around each failed segment (the mincut of water and gas mains, the switches of power cables), the lines and nodes isolated or cut off from every source, the assets that lose a provider (a pump station without power stops, the water it fed is cut off, a hospital on that main loses its water), step by step. FAILED: asset IDs (comma separated); FAILED_LAYER: a layer with an asset_id field (use its selection), or an exposure result (red rows, or rows with class_rank &gt;= MIN_CLASS). OUTPUT: every affected asset (asset_id, layer, cause, step, via, time_h); OUTPUT_LINES: the lost pieces of lines; OUTPUT_ISOLATION: the devices to close; OUTPUT_CONSEQUENCES: people without each service, and hospitals, fire stations and shelters without it.</source>
   <translation>生命线资产故障及其后果：每个故障隔离段周围需关闭的隔离设备（供水和燃气干管的最小切断，电力电缆的开关），被隔离或与所有源站断开的管线和节点，失去提供方的资产（失去供电的泵站停运，其供水被切断，该干管上的医院失去供水），逐步列出。FAILED：资产编号（用逗号分隔）；FAILED_LAYER：带 asset_id 字段的图层（可用所选要素），或暴露分析结果（红色行，或 class_rank &gt;= MIN_CLASS 的行）。OUTPUT：每个受影响资产（asset_id、layer、cause、step、via、time_h）；OUTPUT_LINES：失效的管线段；OUTPUT_ISOLATION：需关闭的设备；OUTPUT_CONSEQUENCES：失去各项服务的人口，以及失去该服务的医院、消防站和避难场所。</translation>
  </message>
  <message>
   <source>Following the failure through the networks</source>
   <translation>沿管网追踪故障</translation>
  </message>
  <message>
   <source>Failed assets (asset IDs, comma separated)</source>
   <translation>故障资产（资产编号，用逗号分隔）</translation>
  </message>
  <message>
   <source>Failed assets from a layer (asset_id) or an exposure result</source>
   <translation>来自图层（asset_id）或暴露分析结果的故障资产</translation>
  </message>
  <message>
   <source>Exposure result: lowest failing class_rank (empty: red rows)</source>
   <translation>暴露分析结果：失效的最低 class_rank（空：红色行）</translation>
  </message>
  <message>
   <source>No failed asset: give FAILED (asset IDs) or FAILED_LAYER.</source>
   <translation>没有故障资产：请给出 FAILED（资产编号）或 FAILED_LAYER。</translation>
  </message>
  <message>
   <source>Planning-review report</source>
   <translation>规划评估报告</translation>
  </message>
  <message>
   <source>The planning-review report as a PDF, built with a QGIS print layout from the template resources/templates/planning_report.qpt (or TEMPLATE, a copy edited in the layout designer; items are found by id: title, contents, contents_pages, map, legend, scalebar, north_arrow, attribution, content, footer; the sections are laid out page by page in the content rectangle). Pages: cover; overview map with risk zones, lifelines, shelters, facilities and service areas in the styles stored in the planning database; coverage summary with tables and a chart; overloaded shelters; uncovered areas; exposure; the risk list; lifeline systems (most critical assets, largest isolation segments, the disaster chain); community resilience (evacuation plan, resilience index, emergency forces); census completeness; methods and standards with their sources and evidence levels; data attribution. Every figure is read from the result layers given (the outputs of population_coverage, service_areas, risk_influence_zones, exposure, risk_list, validate_census, lifeline_criticality, disaster_chain, evacuation_plan, resilience_index and dispatch), checked against the fields those algorithms write; a section whose layer is not given says so. LANGUAGE en or zh_CN (Chinese text in a CJK font). Attribution of OpenStreetMap and HSY data is found from the planning database's provenance fields; ATTRIBUTION adds lines. OUTPUT_HTML writes the same content as one HTML file. The PDF replaces an earlier one only once complete.</source>
   <translation>以 PDF 形式输出规划评估报告，使用 QGIS 打印布局生成，模板为 resources/templates/planning_report.qpt（或 TEMPLATE，即在布局设计器中编辑过的副本；各项按 id 查找：title、contents、contents_pages、map、legend、scalebar、north_arrow、attribution、content、footer；各章节在 content 矩形内逐页排版）。页面：封面；总览图，以规划数据库中保存的样式显示风险区、生命线、避难场所、应急设施和服务范围；覆盖汇总（含表格和图表）；超负荷避难场所；未覆盖区域；暴露；风险清单；生命线系统（最关键资产、最大隔离段、灾害链）；社区韧性（疏散方案、韧性指数、应急力量）；普查数据完整性；方法与标准（含依据及其核实等级）；数据来源声明。所有数据均读自给出的结果图层（population_coverage、service_areas、risk_influence_zones、exposure、risk_list、validate_census、lifeline_criticality、disaster_chain、evacuation_plan、resilience_index 和 dispatch 的输出），并按这些算法写入的字段进行核对；未给出相应图层的章节会予以注明。LANGUAGE 为 en 或 zh_CN（中文使用 CJK 字体）。OpenStreetMap 和 HSY 数据的来源声明根据规划数据库的来源字段识别；ATTRIBUTION 可追加声明行。OUTPUT_HTML 将相同内容写为一个 HTML 文件。PDF 完整生成后才替换已有文件。</translation>
  </message>
  <message>
   <source>Demand with coverage (population_coverage OUTPUT_DEMAND)</source>
   <translation>需求覆盖结果（population_coverage OUTPUT_DEMAND）</translation>
  </message>
  <message>
   <source>Facility loads (population_coverage OUTPUT_FACILITIES)</source>
   <translation>设施负荷（population_coverage OUTPUT_FACILITIES）</translation>
  </message>
  <message>
   <source>Coverage summary (population_coverage OUTPUT_SUMMARY)</source>
   <translation>覆盖汇总（population_coverage OUTPUT_SUMMARY）</translation>
  </message>
  <message>
   <source>Service areas (service_areas polygons)</source>
   <translation>服务范围（service_areas 面输出）</translation>
  </message>
  <message>
   <source>Risk influence zones (risk_influence_zones OUTPUT)</source>
   <translation>风险影响范围（risk_influence_zones OUTPUT）</translation>
  </message>
  <message>
   <source>Exposure summary (exposure OUTPUT_SUMMARY)</source>
   <translation>暴露汇总（exposure OUTPUT_SUMMARY）</translation>
  </message>
  <message>
   <source>Urban safety risk list (risk_list OUTPUT)</source>
   <translation>城市安全风险清单（risk_list OUTPUT）</translation>
  </message>
  <message>
   <source>Census findings (validate_census OUTPUT)</source>
   <translation>普查问题（validate_census OUTPUT）</translation>
  </message>
  <message>
   <source>Isolation segments (lifeline_criticality OUTPUT)</source>
   <translation>隔离段（lifeline_criticality OUTPUT）</translation>
  </message>
  <message>
   <source>Node assets (lifeline_criticality OUTPUT_NODES)</source>
   <translation>节点资产（lifeline_criticality OUTPUT_NODES）</translation>
  </message>
  <message>
   <source>Disaster chain (disaster_chain OUTPUT_TABLE)</source>
   <translation>灾害链（disaster_chain OUTPUT_TABLE）</translation>
  </message>
  <message>
   <source>Evacuation plan summary (evacuation_plan OUTPUT_SUMMARY)</source>
   <translation>疏散方案汇总（evacuation_plan 的 OUTPUT_SUMMARY）</translation>
  </message>
  <message>
   <source>Resilience index (resilience_index OUTPUT)</source>
   <translation>韧性指数（resilience_index 的 OUTPUT）</translation>
  </message>
  <message>
   <source>Community coverage by forces (dispatch OUTPUT_COVERAGE)</source>
   <translation>社区应急力量覆盖（dispatch 的 OUTPUT_COVERAGE）</translation>
  </message>
  <message>
   <source>Report language</source>
   <translation>报告语言</translation>
  </message>
  <message>
   <source>Planning review: urban safety and resilience</source>
   <translation>规划评估：城市安全与韧性</translation>
  </message>
  <message>
   <source>Reading the result layers</source>
   <translation>正在读取结果图层</translation>
  </message>
  <message>
   <source>Filling the layout template</source>
   <translation>正在填充布局模板</translation>
  </message>
  <message>
   <source>Report title</source>
   <translation>报告标题</translation>
  </message>
  <message>
   <source>Report (PDF)</source>
   <translation>报告（PDF）</translation>
  </message>
  <message>
   <source>PDF files (*.pdf)</source>
   <translation>PDF 文件 (*.pdf)</translation>
  </message>
  <message>
   <source>Report (HTML)</source>
   <translation>报告（HTML）</translation>
  </message>
  <message>
   <source>HTML files (*.html)</source>
   <translation>HTML 文件 (*.html)</translation>
  </message>
  <message>
   <source>Cancelled; no report was written.</source>
   <translation>已取消；未写入报告。</translation>
  </message>
  <message>
   <source>Writing the PDF</source>
   <translation>正在写入 PDF</translation>
  </message>
  <message>
   <source>Writing the HTML version</source>
   <translation>正在写入 HTML 版本</translation>
  </message>
  <message>
   <source>Report written to {} ({} pages).</source>
   <translation>报告已写入 {}（共 {} 页）。</translation>
  </message>
  <message>
   <source>OUTPUT must end with .pdf: {}</source>
   <translation>OUTPUT 必须以 .pdf 结尾：{}</translation>
  </message>
  <message>
   <source>HTML version written to {}.</source>
   <translation>HTML 版本已写入 {}。</translation>
  </message>
  <message>
   <source>{} ({}): the layer "{}" ({}) lacks the fields {} that resilience:{} writes into {}. Give that output of resilience:{} here.</source>
   <translation>{}（{}）：图层“{}”（{}）缺少字段 {}，这些字段由 resilience:{} 写入 {}。请在此处提供 resilience:{} 的该输出。</translation>
  </message>
  <message>
   <source>Population coverage and capacity</source>
   <translation>人口覆盖与设施容量</translation>
  </message>
  <message>
   <source>Every demand unit (polygon: its point on surface; point; or raster cell) gets its nearest facility (facility_id), distance_m (the access leg from the demand point to the nearest point of the network plus the network distance), time_min with MAX_TIME, and covered (true/false). OUTPUT_FACILITIES gives per facility the covered population assigned to it, its capacity (CAPACITY_FIELD), the load ratio and an overloaded flag, and the two-step floating catchment ratio fca_ratio (Luo &amp; Wang 2003: capacity over all the population within reach); every demand unit gets fca_access, the sum of the ratios of the facilities within its reach (places per person). OUTPUT_SUMMARY gives the population covered, its share and the uncovered population, in total and per district (DISTRICTS). A demand unit without geometry has no place: it is listed in the log, its covered stays empty, and it is neither covered nor uncovered; the total row counts such units in units_unlocated and population_unlocated.</source>
   <translation>每个需求单元（面：取其面内点；点；或栅格像元）得到其最近设施（facility_id）、distance_m（从需求点到路网最近点的接入段加上路网距离）、使用 MAX_TIME 时的 time_min，以及 covered（true/false）。OUTPUT_FACILITIES 给出每个设施分配到的覆盖人口、容量（CAPACITY_FIELD）、负荷率和超负荷标记，以及两步移动搜索法比值 fca_ratio（Luo &amp; Wang 2003：容量除以可达范围内的全部人口）；每个需求单元得到 fca_access，即其可达范围内各设施比值之和（人均服务名额）。OUTPUT_SUMMARY 给出覆盖人口、覆盖比例和未覆盖人口，包括总计和按行政区（DISTRICTS）的统计。没有几何的需求单元没有位置：它列在日志中，其 covered 保持为空，既不计为已覆盖也不计为未覆盖；总计行在 units_unlocated 和 population_unlocated 中统计这些单元。</translation>
  </message>
  <message>
   <source>Districts for the summary</source>
   <translation>用于汇总的行政区</translation>
  </message>
  <message>
   <source>District name field</source>
   <translation>行政区名称字段</translation>
  </message>
  <message>
   <source>Demand with coverage</source>
   <translation>需求覆盖结果</translation>
  </message>
  <message>
   <source>Facility loads</source>
   <translation>设施负荷</translation>
  </message>
  <message>
   <source>Coverage summary</source>
   <translation>覆盖汇总</translation>
  </message>
  <message>
   <source>(outside the districts)</source>
   <translation>（行政区以外）</translation>
  </message>
  <message>
   <source>{} demand units (population {:.0f}) cannot reach any facility over the network.</source>
   <translation>{} 个需求单元（人口 {:.0f}）无法经路网到达任何设施。</translation>
  </message>
  <message>
   <source>{} facilities are overloaded (more people than capacity): feature ids {}</source>
   <translation>{} 个设施超负荷（人数超过容量）：要素编号 {}</translation>
  </message>
  <message>
   <source>Population {:.0f}: covered {:.0f} ({:.1%}), uncovered {:.0f}.</source>
   <translation>人口 {:.0f}：已覆盖 {:.0f}（{:.1%}），未覆盖 {:.0f}。</translation>
  </message>
  <message>
   <source>Not counted: {} demand units without location, {:.0f} people.</source>
   <translation>未计入：{} 个没有位置的需求单元，共 {:.0f} 人。</translation>
  </message>
  <message>
   <source>Resilience planning {}</source>
   <translation>韧性规划 {}</translation>
  </message>
  <message>
   <source>The algorithm {} could not be loaded:
{}</source>
   <translation>无法加载算法 {}：
{}</translation>
  </message>
  <message>
   <source>Community resilience index</source>
   <translation>社区韧性指数</translation>
  </message>
  <message>
   <source>Indicators per community (COMMUNITIES, named by NAME_FIELD), computed from the planning database and the result layers: shelter places per resident (SHELTERS with CAPACITY_FIELD, e.g. evacuation_plan OUTPUT_SHELTERS), the shares of residents covered by shelters, fire stations and EMS (the OUTPUT_DEMAND of population_coverage), road length with a detour and residents depending on a single road link (NETWORK: roads that are bridges of the road graph), residents in risk influence zones (RISK_ZONES), emergency-force personnel per 10,000 residents (emergency_forces of DATABASE), plus the social, economic and institutional values entered per community in the community_indicators table of DATABASE (the latest year). Residents come from DEMAND. Every indicator is scaled 0-1 over the communities (1 the most resilient; an indicator equal everywhere is left out), averaged with its weight within its dimension (infrastructure, social, economic, institutional, environmental: INDICATOR_WEIGHTS, editable, defaults and sources below) and the dimensions averaged with DIMENSION_WEIGHTS into the index (0-1); rank 1 is the most resilient. The ranks are computed again with every dimension weight moved at random by up to SPREAD (DRAWS times) and each alone by +/- SPREAD: OUTPUT gives the best and worst rank, the share of draws keeping the rank and the largest change. OUTPUT_TABLE lists every value with its source; OUTPUT_CHART draws a radar chart of the dimension scores per community (PNG).</source>
   <translation>每个社区（COMMUNITIES，以 NAME_FIELD 命名）的指标，由规划数据库和结果图层计算：人均避难场所位置（SHELTERS 及 CAPACITY_FIELD，例如 evacuation_plan 的 OUTPUT_SHELTERS）、避难场所、消防站和急救的居民覆盖比例（population_coverage 的 OUTPUT_DEMAND）、有绕行路线的道路长度以及依赖单一道路连接的居民（NETWORK：道路图中的桥边）、风险影响区内的居民（RISK_ZONES）、每万居民应急力量人数（DATABASE 的 emergency_forces），以及在 DATABASE 的 community_indicators 表中按社区录入的社会、经济和制度指标值（取最新年份）。居民来自 DEMAND。每个指标在各社区间缩放到 0-1（1 为最具韧性；各处相同的指标不参与），在其维度内按权重平均（基础设施、社会、经济、制度、环境：INDICATOR_WEIGHTS，可编辑，默认值及来源见下），各维度再按 DIMENSION_WEIGHTS 平均得到指数（0-1）；排名 1 为最具韧性。将每个维度权重随机改变至多 SPREAD（DRAWS 次）并分别单独改变 +/- SPREAD 后重新计算排名：OUTPUT 给出最好和最差排名、保持原排名的抽样比例以及最大变化。OUTPUT_TABLE 列出每个数值及其来源；OUTPUT_CHART 为每个社区绘制各维度得分的雷达图（PNG）。</translation>
  </message>
  <message>
   <source>Shelter coverage (population_coverage OUTPUT_DEMAND)</source>
   <translation>避难场所覆盖（population_coverage 的 OUTPUT_DEMAND）</translation>
  </message>
  <message>
   <source>Fire-station coverage (population_coverage OUTPUT_DEMAND)</source>
   <translation>消防站覆盖（population_coverage 的 OUTPUT_DEMAND）</translation>
  </message>
  <message>
   <source>EMS / hospital coverage (population_coverage OUTPUT_DEMAND)</source>
   <translation>急救/医院覆盖（population_coverage 的 OUTPUT_DEMAND）</translation>
  </message>
  <message>
   <source>Planning database (forces and community indicators)</source>
   <translation>规划数据库（应急力量和社区指标）</translation>
  </message>
  <message>
   <source>Resilience by dimension (0-1) and index</source>
   <translation>各维度韧性（0-1）与指数</translation>
  </message>
  <message>
   <source>Shelters with their capacity</source>
   <translation>带容量的避难场所</translation>
  </message>
  <message>
   <source>Capacity field of the shelters</source>
   <translation>避难场所容量字段</translation>
  </message>
  <message>
   <source>Road network (lines)</source>
   <translation>道路网络（线）</translation>
  </message>
  <message>
   <source>Risk influence zones (polygons)</source>
   <translation>风险影响区（面）</translation>
  </message>
  <message>
   <source>Indicators (key, dimension, weight, higher is better 1/0)</source>
   <translation>指标（键、维度、权重、越高越好 1/0）</translation>
  </message>
  <message>
   <source>Dimension weights (dimension, weight)</source>
   <translation>维度权重（维度、权重）</translation>
  </message>
  <message>
   <source>Sensitivity: weight change (share, 0-1)</source>
   <translation>敏感性：权重变化（比例，0-1）</translation>
  </message>
  <message>
   <source>Sensitivity: random weight draws</source>
   <translation>敏感性：随机权重抽样次数</translation>
  </message>
  <message>
   <source>Resilience indicators (table)</source>
   <translation>韧性指标（表）</translation>
  </message>
  <message>
   <source>Radar charts (PNG)</source>
   <translation>雷达图（PNG）</translation>
  </message>
  <message>
   <source>PNG images (*.png)</source>
   <translation>PNG 图像 (*.png)</translation>
  </message>
  <message>
   <source>INDICATOR_WEIGHTS must have four columns: indicator, dimension, weight, higher_is_better.</source>
   <translation>INDICATOR_WEIGHTS 必须有四列：indicator、dimension、weight、higher_is_better。</translation>
  </message>
  <message>
   <source>DIMENSION_WEIGHTS must have two columns: dimension, weight.</source>
   <translation>DIMENSION_WEIGHTS 必须有两列：dimension、weight。</translation>
  </message>
  <message>
   <source>Every dimension weight is 0.</source>
   <translation>所有维度权重均为 0。</translation>
  </message>
  <message>
   <source>DEMAND must be a vector layer of population polygons or points.</source>
   <translation>DEMAND 必须是人口面或点的矢量图层。</translation>
  </message>
  <message>
   <source>Choose the capacity field of the shelters (CAPACITY_FIELD).</source>
   <translation>请选择避难场所的容量字段（CAPACITY_FIELD）。</translation>
  </message>
  <message>
   <source>no data</source>
   <translation>无数据</translation>
  </message>
  <message>
   <source>higher is better</source>
   <translation>越高越好</translation>
  </message>
  <message>
   <source>higher is worse</source>
   <translation>越高越差</translation>
  </message>
  <message>
   <source>Sensitivity: with the dimension weights moved by up to {:.0%} ({} draws), the ranks keep a mean Spearman correlation of {:.3f} with the ranking above.</source>
   <translation>敏感性：将维度权重改变至多 {:.0%}（{} 次抽样）后，排名与上述排名的平均 Spearman 相关系数为 {:.3f}。</translation>
  </message>
  <message>
   <source>Roads: {} of {} edges are bridges (their loss splits the network), {:.1f} of {:.1f} km.</source>
   <translation>道路：{} / {} 条边为桥边（失去后路网断开），{:.1f} / {:.1f} 公里。</translation>
  </message>
  <message>
   <source>The community layer {} is empty.</source>
   <translation>社区图层 {} 为空。</translation>
  </message>
  <message>
   <source>Community names in {} are not unique; the indicators are matched by name.</source>
   <translation>{} 中的社区名称不唯一；指标按名称匹配。</translation>
  </message>
  <message>
   <source>{}. {}: index {:.3f} (rank {:.0f} to {:.0f} under weight changes, kept in {:.0%} of the draws).</source>
   <translation>{}. {}：指数 {:.3f}（权重变化下排名 {:.0f} 至 {:.0f}，{:.0%} 的抽样保持原排名）。</translation>
  </message>
  <message>
   <source>{} communities have no residents in {}: their per-resident indicators are missing.</source>
   <translation>{} 个社区在 {} 中没有居民：其人均指标缺失。</translation>
  </message>
  <message>
   <source>Values of indicators not in INDICATOR_WEIGHTS are left out: {}</source>
   <translation>不在 INDICATOR_WEIGHTS 中的指标值不参与：{}</translation>
  </message>
  <message>
   <source>No entered indicator values for: {}</source>
   <translation>以下社区没有录入的指标值：{}</translation>
  </message>
  <message>
   <source>INDICATOR_WEIGHTS has a bad row: {}</source>
   <translation>INDICATOR_WEIGHTS 有错误的行：{}</translation>
  </message>
  <message>
   <source>DIMENSION_WEIGHTS has a bad row: {}</source>
   <translation>DIMENSION_WEIGHTS 有错误的行：{}</translation>
  </message>
  <message>
   <source>The indicator {} is computed; the value entered for {} replaces it.</source>
   <translation>指标 {} 是计算得到的；为 {} 录入的值将替代它。</translation>
  </message>
  <message>
   <source>Indicator {}: no data (left out).</source>
   <translation>指标 {}：无数据（不参与）。</translation>
  </message>
  <message>
   <source>Dimension {}: no indicator with data; the index is the mean of the other dimensions.</source>
   <translation>维度 {}：没有有数据的指标；指数为其他维度的平均。</translation>
  </message>
  <message>
   <source>{} ({}) has no field "{}": give the OUTPUT_DEMAND of population_coverage.</source>
   <translation>{}（{}）没有字段“{}”：请给出 population_coverage 的 OUTPUT_DEMAND。</translation>
  </message>
  <message>
   <source>Indicator {}: the same value in every community; it says nothing about their differences and is left out.</source>
   <translation>指标 {}：各社区数值相同，不能反映社区间差异，不参与。</translation>
  </message>
  <message>
   <source>Influence distance of each source: DISTANCE_FIELD when it holds a positive number, else the DISTANCE_TABLE row of its kind and grade (editable; defaults below with their sources and evidence levels: C confirmed, P partly confirmed, R recalled only), else the distance of its grade. Kinds and grades are read without regard to case or surrounding spaces. A source without a valid grade gets the default grade of its kind; the log lists them.</source>
   <translation>每个风险源的影响距离：DISTANCE_FIELD 中为正数时采用该值，否则采用 DISTANCE_TABLE 中对应其类型和等级的行（可编辑；默认值见下文，并注明依据及其核实等级：C 已核实，P 部分核实，R 仅凭记忆、待核对原文），再否则采用其等级的距离。类型和等级不区分大小写，并忽略首尾空格。没有有效等级的风险源取其类型的默认等级；日志中会列出这些风险源。</translation>
  </message>
  <message>
   <source>Kind field</source>
   <translation>类型字段</translation>
  </message>
  <message>
   <source>Risk grade field</source>
   <translation>风险等级字段</translation>
  </message>
  <message>
   <source>Distance field (m, overrides the table)</source>
   <translation>距离字段（米，优先于距离表）</translation>
  </message>
  <message>
   <source>Distance table (kind, grade, distance in m)</source>
   <translation>距离表（类型、等级、距离/米）</translation>
  </message>
  <message>
   <source>DISTANCE_TABLE must have three columns: kind, grade, distance_m.</source>
   <translation>DISTANCE_TABLE 必须有三列：kind、grade、distance_m。</translation>
  </message>
  <message>
   <source>Distances: {} from the distance field, {} from the table, {} from the grade.</source>
   <translation>距离来源：距离字段 {} 个，距离表 {} 个，等级 {} 个。</translation>
  </message>
  <message>
   <source>{} risk sources without a usable geometry were skipped: {}</source>
   <translation>已跳过 {} 个没有可用几何的风险源：{}</translation>
  </message>
  <message>
   <source>{} risk sources had no valid risk grade and got the default grade of their kind: feature ids {}</source>
   <translation>{} 个风险源没有有效风险等级，已取其类型的默认等级：要素编号 {}</translation>
  </message>
  <message>
   <source>DISTANCE_TABLE has a bad row: {}</source>
   <translation>DISTANCE_TABLE 中有错误的行：{}</translation>
  </message>
  <message>
   <source>Buffers every risk source (points or site outlines) by its influence distance, dissolves the buffers per risk grade and gives overlapping places to the higher grade (red &gt; orange &gt; yellow &gt; blue): each grade's zone is its buffers minus the zones of all higher grades, so the zones do not overlap and their areas add up. The result is styled in the four risk colours. Distances are measured in metres: a layer in degrees is worked on in its UTM zone. The input layer is not modified.</source>
   <translation>按影响距离对每个风险源（点或场地轮廓）生成缓冲区，按风险等级融合缓冲区，并将重叠区域归入较高等级（红 &gt; 橙 &gt; 黄 &gt; 蓝）：每一等级的范围为其缓冲区减去所有更高等级的范围，因此各范围互不重叠，面积可以相加。结果以四种风险颜色显示。距离以米计：以度为单位的图层在其所在 UTM 带中处理。不修改输入图层。</translation>
  </message>
  <message>
   <source>The risk-source layer is empty: no zones.</source>
   <translation>风险源图层为空：未生成影响范围。</translation>
  </message>
  <message>
   <source>The risk sources are not in a metric CRS; zones are built in {}.</source>
   <translation>风险源不在以米为单位的坐标系中；在 {} 中生成影响范围。</translation>
  </message>
  <message>
   <source>{}: {} sources, {:.0f} m2 after higher grades are removed.</source>
   <translation>{}：{} 个风险源，扣除更高等级后面积 {:.0f} 平方米。</translation>
  </message>
  <message>
   <source>Urban safety risk list</source>
   <translation>城市安全风险清单</translation>
  </message>
  <message>
   <source>One row per risk source: grade, kind, location (x, y in the working CRS and longitude/latitude), responsible unit, influence distance and what lies within its own zone: people (population polygons by area share, population points, population rasters), shelters, facilities, buildings and lifeline length by network type. Rows are ranked by grade (red first), then people, shelters, facilities and lifeline length. OUTPUT is a point layer; OUTPUT_TABLE writes the same table as .xlsx or .csv.</source>
   <translation>每个风险源一行：等级、类型、位置（工作坐标系中的 x、y 及经纬度）、责任单位、影响距离，以及其自身影响范围内的对象：人口（人口面按面积比例计、人口点、人口栅格）、避难场所、应急设施、建筑，以及按管网类型统计的生命线长度。各行按等级排序（红色在前），其次依次按人口、避难场所、应急设施和生命线长度排序。OUTPUT 为点图层；OUTPUT_TABLE 将同一张表写为 .xlsx 或 .csv。</translation>
  </message>
  <message>
   <source>Responsible unit field</source>
   <translation>责任单位字段</translation>
  </message>
  <message>
   <source>Risk list table</source>
   <translation>风险清单表</translation>
  </message>
  <message>
   <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
   <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
  </message>
  <message>
   <source>The risk-source layer is empty: the list is empty.</source>
   <translation>风险源图层为空：清单为空。</translation>
  </message>
  <message>
   <source>OUTPUT_TABLE must end with .xlsx or .csv: {}</source>
   <translation>OUTPUT_TABLE 必须以 .xlsx 或 .csv 结尾：{}</translation>
  </message>
  <message>
   <source>{} risk sources listed.</source>
   <translation>已列出 {} 个风险源。</translation>
  </message>
  <message>
   <source>Risk list table written to {}.</source>
   <translation>风险清单表已写入 {}。</translation>
  </message>
  <message>
   <source>Service areas (many facilities)</source>
   <translation>服务范围（多设施）</translation>
  </message>
  <message>
   <source>Service areas of every facility within the limit, as network lines cut at the limit (with the distance, and time, at both ends of every piece) and optionally as polygons (covered lines buffered by POLYGON_BUFFER and dissolved per facility). OUTPUT_LINES holds the per-facility overlapping areas, OUTPUT_NEAREST_LINES the nearest-facility zones (every piece belongs to the facility that reaches it first). OUTPUT_FACILITIES lists every facility with its access leg, whether it reaches the network, the covered network length and, with BARRIERS, the length lost against the undisturbed network and whether it is cut off.</source>
   <translation>限值内每个设施的服务范围，以在限值处切断的路网线段表示（每段两端带距离，以及时间），并可选输出为面（覆盖线段按 POLYGON_BUFFER 缓冲后按设施融合）。OUTPUT_LINES 包含各设施相互重叠的服务范围，OUTPUT_NEAREST_LINES 为最近设施分区（每段归属于最先到达它的设施）。OUTPUT_FACILITIES 列出每个设施的接入段、是否接入路网、覆盖的路网长度，以及给出 BARRIERS 时相对于未受阻断路网损失的长度和是否被隔断。</translation>
  </message>
  <message>
   <source>Polygon buffer around covered lines (m)</source>
   <translation>覆盖线段的面缓冲距离（米）</translation>
  </message>
  <message>
   <source>Service areas per facility (lines)</source>
   <translation>各设施服务范围（线）</translation>
  </message>
  <message>
   <source>Nearest-facility zones (lines)</source>
   <translation>最近设施分区（线）</translation>
  </message>
  <message>
   <source>Service areas per facility (polygons)</source>
   <translation>各设施服务范围（面）</translation>
  </message>
  <message>
   <source>Nearest-facility zones (polygons)</source>
   <translation>最近设施分区（面）</translation>
  </message>
  <message>
   <source>Facilities with their coverage</source>
   <translation>设施及其覆盖情况</translation>
  </message>
  <message>
   <source>Without a NETWORK there are no service-area lines.</source>
   <translation>没有 NETWORK 时不生成服务范围线。</translation>
  </message>
  <message>
   <source>Site selection (maximal covering)</source>
   <translation>选址优化（最大覆盖）</translation>
  </message>
  <message>
   <source>Chooses K of the CANDIDATES (points or polygons, e.g. community centres, schools, parks) that add the most population within the limit of a site, on top of what the existing FACILITIES (optional) already cover: the maximal covering location problem (Church &amp; ReVelle 1974), solved greedily. Covered population is a monotone submodular function of the chosen sites, so the greedy choice adds at least 1 - 1/e (63.2 %) of the best possible K-site gain; OUTPUT_SUMMARY gives the gain against an upper bound of that optimum (the tightest of: greedy / (1 - 1/e), the LP relaxation, the sum of the K largest single-site gains). With CAPACITY_FIELD (on the candidates) a site serves at most its capacity, nearest people first, and people beyond it stay uncovered for the next site; an empty capacity is derived from effective_area_m2 (area per person of a shelter PRESET) and candidates whose capacity stays unknown are left out of the choice (reported). OUTPUT lists the chosen sites in the order chosen with rank, gain (population added) and covered_after (population covered after adding it, existing facilities included). With BARRIERS the sites are chosen on the disturbed network. An empty FACILITIES layer means there are none yet (a new district). Demand units without geometry are left out of every figure and counted in units_unlocated and population_unlocated of OUTPUT_SUMMARY.</source>
   <translation>从 CANDIDATES（点或面，例如社区中心、学校、公园）中选出 K 处场地，使其在现有 FACILITIES（可选）已覆盖人口的基础上，在场地限值范围内新增覆盖人口最多：即最大覆盖选址问题（Church &amp; ReVelle 1974），采用贪心算法求解。覆盖人口是所选场地的单调子模函数，因此贪心选择新增的覆盖人口至少为 K 处场地最优增益的 1 - 1/e（63.2 %）；OUTPUT_SUMMARY 给出增益与该最优值上界的比较（上界取以下三者中最紧者：贪心结果 / (1 - 1/e)、线性规划松弛、K 个最大单场地增益之和）。给出 CAPACITY_FIELD（候选场地的字段）时，每处场地最多服务与其容量相当的人口，按距离由近及远分配，超出部分保持未覆盖，留给下一处场地；容量为空时由 effective_area_m2 推算（按避难场所 PRESET 的人均面积），容量仍未知的候选场地不参与选择（并予以报告）。OUTPUT 按入选顺序列出所选场地，含 rank、gain（新增人口）和 covered_after（加入该场地后的覆盖人口，含现有设施）。给出 BARRIERS 时，在受阻断的路网上选址。FACILITIES 图层为空表示尚无现有设施（新区）。没有几何的需求单元不计入任何数字，并在 OUTPUT_SUMMARY 的 units_unlocated 和 population_unlocated 中统计。</translation>
  </message>
  <message>
   <source>Capacity field of the candidates</source>
   <translation>候选场地容量字段</translation>
  </message>
  <message>
   <source>Existing facilities (points or polygons, optional)</source>
   <translation>现有设施（点或面，可选）</translation>
  </message>
  <message>
   <source>Chosen sites</source>
   <translation>入选场地</translation>
  </message>
  <message>
   <source>Site selection summary</source>
   <translation>选址汇总</translation>
  </message>
  <message>
   <source>CANDIDATES is missing or cannot be read.</source>
   <translation>CANDIDATES 缺失或无法读取。</translation>
  </message>
  <message>
   <source>K must be at least 1.</source>
   <translation>K 必须至少为 1。</translation>
  </message>
  <message>
   <source>With capacities the 1 - 1/e guarantee does not hold; compare with the upper bound.</source>
   <translation>考虑容量时 1 - 1/e 的保证不成立；请与上界比较。</translation>
  </message>
  <message>
   <source>Candidate sites (points or polygons)</source>
   <translation>候选场地（点或面）</translation>
  </message>
  <message>
   <source>Number of sites to choose (K)</source>
   <translation>选址数量（K）</translation>
  </message>
  <message>
   <source>FACILITIES cannot be read.</source>
   <translation>无法读取 FACILITIES。</translation>
  </message>
  <message>
   <source>Sites are chosen on the network with the BARRIERS closed.</source>
   <translation>在 BARRIERS 封闭道路后的路网上选址。</translation>
  </message>
  <message>
   <source>Covered by the existing facilities: {:.0f} of {:.0f} ({:.1%}).</source>
   <translation>现有设施覆盖人口：{:.0f} / {:.0f}（{:.1%}）。</translation>
  </message>
  <message>
   <source>Covered with the {} chosen sites: {:.0f} ({:.1%}); added {:.0f}.</source>
   <translation>加上 {} 处入选场地后覆盖人口：{:.0f}（{:.1%}）；新增 {:.0f}。</translation>
  </message>
  <message>
   <source>The best possible gain of {} sites is at most {:.0f} ({}); the greedy choice reaches {:.1%} of that bound.</source>
   <translation>{} 处场地可能的最大增益不超过 {:.0f}（{}）；贪心选择达到该上界的 {:.1%}。</translation>
  </message>
  <message>
   <source>Site {}: candidate {} adds {:.0f} people.</source>
   <translation>第 {} 处：候选场地 {} 新增 {:.0f} 人。</translation>
  </message>
  <message>
   <source>Only {} of the {} sites asked for add any covered population.</source>
   <translation>只有 {} 处场地（共要求 {} 处）能新增覆盖人口。</translation>
  </message>
  <message>
   <source>Greedy guarantee: at least {:.1%} (1 - 1/e) of the optimum.</source>
   <translation>贪心算法保证：至少达到最优值的 {:.1%}（1 - 1/e）。</translation>
  </message>
  <message>
   <source>{} candidates have no known capacity and are left out of the choice: feature ids {}</source>
   <translation>{} 个候选场地容量未知，不参与选择：要素编号 {}</translation>
  </message>
  <message>
   <source>Checks every layer of a planning database and lists what is wrong, one point per finding:
- missing_required: a required attribute is empty;
- out_of_domain: a value is not one of the allowed values of its drop-down list;
- out_of_range: a number is outside its plausible range;
- invalid_geometry and empty_geometry;
- duplicate_asset_id: an asset ID used more than once in a layer (compared ignoring case and surrounding spaces);
- disconnected_segment: a lifeline (per network type) or road not connected to the largest part of its network. Line ends within CONNECT_TOLERANCE of another line's end or of any point of another line count as connected;
- far_from_road: a shelter, candidate site or facility farther than MAX_ROAD_DISTANCE from the nearest passable road.

The database is not modified. Findings are styled by severity when loaded; OUTPUT_SUMMARY optionally writes the totals as JSON.</source>
   <translation>检查规划数据库的每个图层并列出存在的问题，每个问题一个点：
- missing_required：必填属性为空；
- out_of_domain：属性值不在其下拉列表的允许取值范围内；
- out_of_range：数值超出合理范围；
- invalid_geometry 和 empty_geometry：几何无效和几何为空；
- duplicate_asset_id：同一图层中资产编号被多次使用（比较时忽略大小写和首尾空格）；
- disconnected_segment：生命线（按管网类型）或道路未与所属网络的最大连通部分连通。线端点与另一条线的端点或线上任意点的距离在 CONNECT_TOLERANCE 以内即视为连通；
- far_from_road：避难场所、备选用地或应急设施距最近可通行道路超过 MAX_ROAD_DISTANCE。

不修改数据库。问题点加载时按严重程度显示样式；OUTPUT_SUMMARY 可选择将汇总数写为 JSON。</translation>
  </message>
  <message>
   <source>Validation cancelled.</source>
   <translation>检查已取消。</translation>
  </message>
  <message>
   <source>Errors</source>
   <translation>错误数</translation>
  </message>
  <message>
   <source>Warnings</source>
   <translation>警告数</translation>
  </message>
  <message>
   <source>Features checked</source>
   <translation>已检查要素数</translation>
  </message>
  <message>
   <source>{} and {} more</source>
   <translation>{}，另有 {} 个</translation>
  </message>
  <message>
   <source>{} #{} (asset {})</source>
   <translation>{} #{}（资产编号 {}）</translation>
  </message>
  <message>
   <source>Connection tolerance (m)</source>
   <translation>连通容差（米）</translation>
  </message>
  <message>
   <source>Maximum distance to a road (m)</source>
   <translation>距道路最大距离（米）</translation>
  </message>
  <message>
   <source>JSON files (*.json)</source>
   <translation>JSON 文件 (*.json)</translation>
  </message>
  <message>
   <source>{} #{} (no asset ID)</source>
   <translation>{} #{}（无资产编号）</translation>
  </message>
  <message>
   <source>unknown reason</source>
   <translation>原因不明</translation>
  </message>
  <message>
   <source>Network "{}" ({}): {} segments, largest connected part {}, {} disconnected.</source>
   <translation>网络“{}”（{}）：{} 段，最大连通部分 {} 段，未连通 {} 段。</translation>
  </message>
  <message>
   <source>{} features checked: {} findings, {} errors, {} warnings.</source>
   <translation>已检查 {} 个要素：{} 个问题，{} 个错误，{} 个警告。</translation>
  </message>
  <message>
   <source>Layer {} has no field "{}"; it is not checked.</source>
   <translation>图层 {} 中没有字段“{}”；跳过该字段的检查。</translation>
  </message>
  <message>
   <source>Checking {}</source>
   <translation>正在检查 {}</translation>
  </message>
  <message>
   <source>{}: {} ({})</source>
   <translation>{}：{}（{}）</translation>
  </message>
  <message>
   <source>{}: the feature has no geometry.</source>
   <translation>{}：要素没有几何。</translation>
  </message>
  <message>
   <source>{}: asset ID "{}" is also used by {}.</source>
   <translation>{}：资产编号“{}”也被 {} 使用。</translation>
  </message>
  <message>
   <source>{}: the segment is in a group of {} segment(s) that is not connected to the largest part of the "{}" network ({} segments).</source>
   <translation>{}：该段所在的线段组（{} 段）未与“{}”网络的最大连通部分（{} 段）连通。</translation>
  </message>
  <message>
   <source>The road network has no passable roads, so road access of {} site(s) could not be checked.</source>
   <translation>道路网络中没有可通行道路，因此无法检查 {} 处场地的道路可达性。</translation>
  </message>
  <message>
   <source>{}: the nearest passable road is {:.1f} m away (more than {} m).</source>
   <translation>{}：最近的可通行道路距离 {:.1f} 米（超过 {} 米）。</translation>
  </message>
  <message>
   <source>{}: field "{}" is empty but required.</source>
   <translation>{}：字段“{}”为必填项，但为空。</translation>
  </message>
  <message>
   <source>{}: field "{}" has the value "{}", which is not one of the allowed values ({}).</source>
   <translation>{}：字段“{}”的值为“{}”，不在允许取值（{}）之内。</translation>
  </message>
  <message>
   <source>{}: field "{}" is {}, outside the plausible range {} to {}.</source>
   <translation>{}：字段“{}”的值为 {}，超出合理范围 {} 至 {}。</translation>
  </message>
  <message>
   <source>{}: the geometry is invalid: {}.</source>
   <translation>{}：几何无效：{}。</translation>
  </message>
  <message>
   <source>Features left out of the census package, and why.</source>
   <translation>普查成果包中剔除的要素及剔除原因。</translation>
  </message>
  <message>
   <source>Could not save the style of {}: {}</source>
   <translation>无法保存 {} 的样式：{}</translation>
  </message>
  <message>
   <source>Cannot open {} for writing.</source>
   <translation>无法以写入方式打开 {}。</translation>
  </message>
  <message>
   <source>The planning database {} has no valid layer "{}".</source>
   <translation>规划数据库 {} 中没有有效图层“{}”。</translation>
  </message>
  <message>
   <source>The {} network has no isolation devices ({}): a failure shuts the whole connected network.</source>
   <translation>{} 管网没有隔离设备（{}）：任一故障都会关停整个连通管网。</translation>
  </message>
  <message>
   <source>The {} network has no sources ({}): only isolation is analysed, not supply.</source>
   <translation>{} 管网没有源站（{}）：只分析隔离，不分析供给。</translation>
  </message>
  <message>
   <source>{} is {} m or more from every {} line; it isolates nothing.</source>
   <translation>{} 在 {} 米范围内没有 {} 管线；它不隔离任何管段。</translation>
  </message>
  <message>
   <source>{} is farther than {} m from every {} line; it feeds nothing.</source>
   <translation>{} 在 {} 米范围内没有 {} 管线；它不向任何管段供给。</translation>
  </message>
  <message>
   <source>Give either MAX_DISTANCE or MAX_TIME, not both.</source>
   <translation>MAX_DISTANCE 与 MAX_TIME 只能给出其一，不能同时给出。</translation>
  </message>
  <message>
   <source>Give MAX_DISTANCE or MAX_TIME (or choose a PRESET).</source>
   <translation>请给出 MAX_DISTANCE 或 MAX_TIME（或选择一个 PRESET）。</translation>
  </message>
  <message>
   <source>The limit must be greater than 0.</source>
   <translation>限值必须大于 0。</translation>
  </message>
  <message>
   <source>There are no facilities: every facility layer is empty.</source>
   <translation>没有设施：所有设施图层均为空。</translation>
  </message>
  <message>
   <source>Network: {} lines, {} nodes, {} edges, {} connected parts (largest {} nodes).</source>
   <translation>路网：{} 条线，{} 个节点，{} 条边，{} 个连通部分（最大部分 {} 个节点）。</translation>
  </message>
  <message>
   <source>{} is not a metric CRS; working in {} (layers are reprojected).</source>
   <translation>{} 不是以米为单位的坐标系；改在 {} 中计算（图层将被重投影）。</translation>
  </message>
  <message>
   <source>SPEED_KMH must be greater than 0 km/h (it is {:g}); leave it empty to use the speed of the preset or {} km/h.</source>
   <translation>SPEED_KMH 必须大于 0 km/h（当前为 {:g}）；留空则使用预设的速度或 {} km/h。</translation>
  </message>
  <message>
   <source>Facilities without geometry are left out: feature ids {}</source>
   <translation>无几何的设施已被排除：要素编号 {}</translation>
  </message>
  <message>
   <source>Negative start delay in field {} of {}: feature ids {}</source>
   <translation>字段 {}（图层 {}）中有负的启动延时：要素编号 {}</translation>
  </message>
  <message>
   <source>The network layer {} has no lines.</source>
   <translation>路网图层 {} 中没有线。</translation>
  </message>
  <message>
   <source>The network has {} disconnected parts; places in another part than a facility are unreachable from it.</source>
   <translation>路网有 {} 个互不连通的部分；与设施不在同一部分的地点无法从该设施到达。</translation>
  </message>
  <message>
   <source>Facility {} is {} m from the nearest road of the network.</source>
   <translation>设施 {} 距路网最近道路 {} 米。</translation>
  </message>
  <message>
   <source>{} facilities are farther than {} m from the network.</source>
   <translation>{} 个设施距路网超过 {} 米。</translation>
  </message>
  <message>
   <source>Layer {} is in {}; reprojected to {}.</source>
   <translation>图层 {} 的坐标系为 {}；已重投影到 {}。</translation>
  </message>
  <message>
   <source>Preset {}: {}</source>
   <translation>预设 {}：{}</translation>
  </message>
  <message>
   <source>No speed given; using {} km/h.</source>
   <translation>未给出速度；采用 {} 公里/小时。</translation>
  </message>
  <message>
   <source>The facility layer {} ({}) is empty: there are none.</source>
   <translation>设施图层 {}（{}）为空：即没有此类设施。</translation>
  </message>
  <message>
   <source>The facility layer {} is empty.</source>
   <translation>设施图层 {} 为空。</translation>
  </message>
  <message>
   <source>The facility layer {} is not a point or polygon layer.</source>
   <translation>设施图层 {} 不是点图层或面图层。</translation>
  </message>
  <message>
   <source>No feature of the facility layer {} has a geometry.</source>
   <translation>设施图层 {} 中没有任何要素带有几何。</translation>
  </message>
  <message>
   <source>{} lines of {} have a one-way value in {} that is none of 1/yes/true (along the line), -1/reverse (against it), 0/no/false (both ways): {}; they are travelled both ways. Feature ids: {}</source>
   <translation>{} 条线路（图层 {}）在字段 {} 中的单行值不属于 1/yes/true（沿线方向）、-1/reverse（逆线方向）、0/no/false（双向）：{}；这些线路按双向通行。要素编号：{}</translation>
  </message>
  <message>
   <source>{} lines have no valid speed in {}; using {} km/h for them.</source>
   <translation>{} 条线在 {} 中没有有效速度；对其采用 {} 公里/小时。</translation>
  </message>
  <message>
   <source>The network cannot be built: {}</source>
   <translation>无法构建路网：{}</translation>
  </message>
  <message>
   <source>{} facilities are on a small disconnected part of the network (feature ids {}); they reach only that part.</source>
   <translation>{} 个设施位于路网中较小的孤立部分（要素编号 {}）；只能到达该部分。</translation>
  </message>
  <message>
   <source>Cannot open {}.</source>
   <translation>无法打开 {}。</translation>
  </message>
  <message>
   <source>{} has no point, line or polygon layer.</source>
   <translation>{} 中没有点、线或面图层。</translation>
  </message>
  <message>
   <source>Cannot open {}: {}</source>
   <translation>无法打开 {}：{}</translation>
  </message>
  <message>
   <source>Cannot read {}.</source>
   <translation>无法读取 {}。</translation>
  </message>
  <message>
   <source>Not covered</source>
   <translation>未覆盖</translation>
  </message>
  <message>
   <source>Overloaded (more people than capacity)</source>
   <translation>超负荷（人数超过容量）</translation>
  </message>
  <message>
   <source>Within capacity or no capacity</source>
   <translation>未超容量或无容量数据</translation>
  </message>
  <message>
   <source>Too large (too few isolation devices)</source>
   <translation>过大（隔离设备过少）</translation>
  </message>
  <message>
   <source>Other isolation segments</source>
   <translation>其他隔离段</translation>
  </message>
  <message>
   <source>Shelter taking evacuees</source>
   <translation>接收疏散人员的避难场所</translation>
  </message>
  <message>
   <source>Shelter not needed by the plan</source>
   <translation>方案不需要的避难场所</translation>
  </message>
  <message>
   <source>The {} most critical</source>
   <translation>最关键的 {} 个</translation>
  </message>
  <message>
   <source>A raster input cannot be read.</source>
   <translation>无法读取一个栅格输入。</translation>
  </message>
  <message>
   <source>The raster {} is not a GDAL raster file.</source>
   <translation>栅格 {} 不是 GDAL 栅格文件。</translation>
  </message>
  <message>
   <source>The raster {} has no coordinate reference system (CRS) in its file ({}): assign one (Raster &gt; Projections &gt; Assign Projection) and run again.</source>
   <translation>栅格 {} 的文件（{}）中没有坐标参考系（CRS）：请为其指定坐标系（栅格 &gt; 投影 &gt; 指定投影）后重新运行。</translation>
  </message>
  <message>
   <source>Cannot read the raster {}: {}</source>
   <translation>无法读取栅格 {}：{}</translation>
  </message>
  <message>
   <source>no geometry</source>
   <translation>无几何</translation>
  </message>
  <message>
   <source>cannot be reprojected to the database CRS</source>
   <translation>无法重投影到数据库坐标系</translation>
  </message>
  <message>
   <source>invalid and cannot be repaired</source>
   <translation>几何无效且无法修复</translation>
  </message>
  <message>
   <source>no line left after repair</source>
   <translation>修复后不再有线</translation>
  </message>
  <message>
   <source>no polygon left after repair</source>
   <translation>修复后不再有面</translation>
  </message>
  <message>
   <source>no point can be placed on it</source>
   <translation>无法在其上生成点</translation>
  </message>
  <message>
   <source>drawn as an open way where a point or a closed area is expected</source>
   <translation>应为点或闭合面，却绘制为开放路径</translation>
  </message>
  <message>
   <source>several points in one feature</source>
   <translation>一个要素中有多个点</translation>
  </message>
  <message>
   <source>The planning database {} is locked by another program (an editing session that is saving, or another application). Save or stop editing there, then run again; nothing was changed.</source>
   <translation>规划数据库 {} 被其他程序锁定（正在保存的编辑会话或其他应用程序）。请在那里保存或停止编辑后重新运行；未作任何更改。</translation>
  </message>
  <message>
   <source>No planning database was given.</source>
   <translation>未指定规划数据库。</translation>
  </message>
  <message>
   <source>The planning database {} has no layer with a CRS.</source>
   <translation>规划数据库 {} 中没有带坐标系的图层。</translation>
  </message>
  <message>
   <source>The planning database {} does not exist.</source>
   <translation>规划数据库 {} 不存在。</translation>
  </message>
  <message>
   <source>{} is not a planning database: layers missing: {}</source>
   <translation>{} 不是规划数据库：缺少图层：{}</translation>
  </message>
  <message>
   <source>{} already exists and holds data. Choose another file, or allow it to be replaced (OVERWRITE).</source>
   <translation>{} 已存在且含有数据。请选择其他文件，或允许替换它（OVERWRITE）。</translation>
  </message>
  <message>
   <source>The planning database {} has no table "{}".</source>
   <translation>规划数据库 {} 中没有表“{}”。</translation>
  </message>
  <message>
   <source>{} is not a GeoPackage ({}).</source>
   <translation>{} 不是 GeoPackage（{}）。</translation>
  </message>
  <message>
   <source>{} is a folder, not a GeoPackage file.</source>
   <translation>{} 是文件夹，不是 GeoPackage 文件。</translation>
  </message>
  <message>
   <source>Could not add {} to {}: {}</source>
   <translation>无法将 {} 添加到 {}：{}</translation>
  </message>
  <message>
   <source>Writing to {} failed: {}</source>
   <translation>写入 {} 失败：{}</translation>
  </message>
  <message>
   <source>Between {} and {}</source>
   <translation>介于 {} 与 {} 之间</translation>
  </message>
  <message>
   <source>{} - {} persons/ha</source>
   <translation>{} – {} 人/公顷</translation>
  </message>
  <message>
   <source>{} persons/ha and more</source>
   <translation>{} 人/公顷及以上</translation>
  </message>
  <message>
   <source>community (evacuation plan, resilience index or force coverage)</source>
   <translation>社区（疏散方案、韧性指数或应急力量覆盖）</translation>
  </message>
  <message>
   <source>Rank range</source>
   <translation>排名范围</translation>
  </message>
  <message>
   <source>Rank kept</source>
   <translation>保持排名</translation>
  </message>
  <message>
   <source>Resilience index per community (0-1)</source>
   <translation>各社区韧性指数（0-1）</translation>
  </message>
  <message>
   <source>Evacuation plan: {} of {} people are placed in shelters within {} {}; {} find no place in the shelters within their reach, {} have no shelter within the limit and {} reach only shelters whose capacity is unknown. No shelter takes more people than its capacity.</source>
   <translation>疏散方案：{} / {} 人被安置在 {} {} 内的避难场所；{} 人在其可达范围内的避难场所中没有位置，{} 人在限值内没有避难场所，{} 人只能到达容量未知的避难场所。没有避难场所超出其容量。</translation>
  </message>
  <message>
   <source>The plan has the least total person-distance possible: {} km, {} m per person placed. Sending everyone to the nearest shelter instead ({} people) would take {} km, {} m per person, but overload {} shelters by {} people in all. {} of {} shelters take people. Method: {}, solved in {} s.</source>
   <translation>该方案的总人·距离为可能的最小值：{} 公里，每位被安置者 {} 米。若改为全部前往最近避难场所（{} 人），需 {} 公里，人均 {} 米，但会使 {} 处避难场所超负荷，合计超出 {} 人。{} / {} 处避难场所接收人员。方法：{}，求解用时 {} 秒。</translation>
  </message>
  <message>
   <source>Rank</source>
   <translation>排序</translation>
  </message>
  <message>
   <source>Resilience index per community (dimension scores 0-1; rank 1 is the most resilient; rank range and the share of weight draws keeping the rank)</source>
   <translation>各社区韧性指数（维度得分 0-1；排名 1 为最具韧性；排名范围以及保持该排名的权重抽样比例）</translation>
  </message>
  <message>
   <source>Indicators are scaled 0-1 over the communities, averaged with their weights within each dimension, and the dimensions averaged into the index; the sensitivity check moves the dimension weights at random. Method after {}.</source>
   <translation>指标在各社区间缩放到 0-1，在每个维度内按权重平均，各维度再平均得到指数；敏感性检验随机改变维度权重。方法参照 {}。</translation>
  </message>
  <message>
   <source>Reached by a force</source>
   <translation>有应急力量到达</translation>
  </message>
  <message>
   <source>First arrival (min)</source>
   <translation>最早到达（分钟）</translation>
  </message>
  <message>
   <source>Latest first arrival (min)</source>
   <translation>最晚的最早到达（分钟）</translation>
  </message>
  <message>
   <source>Personnel within reach</source>
   <translation>可达人员</translation>
  </message>
  <message>
   <source>Forces within reach</source>
   <translation>可达力量</translation>
  </message>
  <message>
   <source>Emergency forces reaching each community within {} min</source>
   <translation>{} 分钟内到达各社区的应急力量</translation>
  </message>
  <message>
   <source>This community</source>
   <translation>本社区</translation>
  </message>
  <message>
   <source>Other communities</source>
   <translation>其他社区</translation>
  </message>
  <message>
   <source>The template item "map" is not a map.</source>
   <translation>模板项目“map”不是地图。</translation>
  </message>
  <message>
   <source>The PDF {} could not be written (layout export error {}).</source>
   <translation>无法写入 PDF {}（布局导出错误 {}）。</translation>
  </message>
  <message>
   <source>The image {} could not be written.</source>
   <translation>无法写出图像 {}。</translation>
  </message>
  <message>
   <source>Influence zone</source>
   <translation>影响区</translation>
  </message>
  <message>
   <source>Overloaded shelters</source>
   <translation>超负荷避难场所</translation>
  </message>
  <message>
   <source>Uncovered areas</source>
   <translation>未覆盖区域</translation>
  </message>
  <message>
   <source>Census completeness</source>
   <translation>普查数据完整性</translation>
  </message>
  <message>
   <source>Methods and standards</source>
   <translation>方法与标准</translation>
  </message>
  <message>
   <source>Coverage: every demand unit is assigned to its nearest facility over the road network (network distance plus the access leg); it is covered when that distance or time is within the limit. Loads compare the population assigned to a facility with its capacity; the two-step floating catchment ratio (Luo &amp; Wang 2003) divides capacity by all the population within reach.</source>
   <translation>覆盖：每个需求单元经道路网络分配给最近的设施（路网距离加接入段）；该距离或时间在限值以内即视为被覆盖。负荷为设施分配到的人口与其容量之比；两步移动搜索法比值（Luo &amp; Wang 2003）为设施容量除以其可达范围内的全部人口。</translation>
  </message>
  <message>
   <source>Risk: every risk source is buffered by its influence distance; the zones are dissolved per grade and overlaps go to the higher grade. Exposure cuts lifelines at the zone boundaries, tests sites against the zones and shares population polygons by area. The risk list ranks sources by grade, then people, shelters, facilities and lifeline length in their own zone.</source>
   <translation>风险：按影响距离对每个风险源生成缓冲区；影响范围按等级融合，重叠部分归入较高等级。暴露分析在分区边界处切分生命线，判断各场所是否位于分区内，并按面积比例分摊人口面的人口。风险清单先按等级，再依次按其自身影响范围内的人口、避难场所、应急设施和生命线长度对风险源排序。</translation>
  </message>
  <message>
   <source>Census completeness: every feature of the planning database is checked against the schema (required fields, allowed values, plausible ranges), its geometry, duplicate IDs, network connectivity and road access.</source>
   <translation>普查数据完整性：规划数据库的每个要素均对照数据结构（必填字段、允许取值、合理范围）进行检查，并检查其几何、编号重复、网络连通性和道路可达性。</translation>
  </message>
  <message>
   <source>Service areas (polygons)</source>
   <translation>服务范围（面）</translation>
  </message>
  <message>
   <source>Hazard classes</source>
   <translation>灾害分级</translation>
  </message>
  <message>
   <source>Data attribution</source>
   <translation>数据来源声明</translation>
  </message>
  <message>
   <source>Share covered</source>
   <translation>覆盖率</translation>
  </message>
  <message>
   <source>Demand units</source>
   <translation>需求单元数</translation>
  </message>
  <message>
   <source>Unreachable units</source>
   <translation>不可达单元数</translation>
  </message>
  <message>
   <source>No shelter or facility is overloaded: the population assigned to each stays within its capacity.</source>
   <translation>没有超负荷的避难场所或设施：各自分配的人口均未超过其容量。</translation>
  </message>
  <message>
   <source>Nothing lies in the risk zones or the hazard.</source>
   <translation>风险区或灾害范围内没有任何对象。</translation>
  </message>
  <message>
   <source>No data set with an attribution requirement was recognised; add it with the ATTRIBUTION parameter.</source>
   <translation>未识别到需要声明来源的数据集；如有需要，请通过 ATTRIBUTION 参数添加。</translation>
  </message>
  <message>
   <source>Planning review of {}</source>
   <translation>规划评估：{}</translation>
  </message>
  <message>
   <source>Date</source>
   <translation>日期</translation>
  </message>
  <message>
   <source>Plugin version</source>
   <translation>插件版本</translation>
  </message>
  <message>
   <source>QGIS version</source>
   <translation>QGIS 版本</translation>
  </message>
  <message>
   <source>The first {} of {} rows are shown; the layer holds them all.</source>
   <translation>仅显示前 {} 行（共 {} 行）；完整记录见图层。</translation>
  </message>
  <message>
   <source>Not part of this review: no {} layer was given.</source>
   <translation>未纳入本次评估：未提供“{}”图层。</translation>
  </message>
  <message>
   <source>Covered without barriers</source>
   <translation>无阻断时覆盖人口</translation>
  </message>
  <message>
   <source>Lost to barriers</source>
   <translation>因阻断失去覆盖</translation>
  </message>
  <message>
   <source>Population covered and uncovered</source>
   <translation>覆盖与未覆盖人口</translation>
  </message>
  <message>
   <source>{} of {} demand units are not covered, with a population of {}; {} of them cannot reach any facility over the network.</source>
   <translation>{} 个需求单元（共 {} 个）未被覆盖，人口 {}；其中 {} 个经路网无法到达任何设施。</translation>
  </message>
  <message>
   <source>Demand unit</source>
   <translation>需求单元</translation>
  </message>
  <message>
   <source>Distance to the nearest facility (m)</source>
   <translation>至最近设施距离（米）</translation>
  </message>
  <message>
   <source>Nearest facility</source>
   <translation>最近设施</translation>
  </message>
  <message>
   <source>Uncovered demand units, largest population first</source>
   <translation>未覆盖需求单元（按人口由多到少）</translation>
  </message>
  <message>
   <source>Target</source>
   <translation>承灾体</translation>
  </message>
  <message>
   <source>Zone or hazard class</source>
   <translation>风险分区或灾害分级</translation>
  </message>
  <message>
   <source>Exposed length (m)</source>
   <translation>暴露长度（米）</translation>
  </message>
  <message>
   <source>Count</source>
   <translation>数量</translation>
  </message>
  <message>
   <source>Unusable</source>
   <translation>不可用</translation>
  </message>
  <message>
   <source>What lies in each zone</source>
   <translation>各分区内的对象</translation>
  </message>
  <message>
   <source>{} risk sources: {}.</source>
   <translation>风险源 {} 个：{}。</translation>
  </message>
  <message>
   <source>Distance (m)</source>
   <translation>距离（米）</translation>
  </message>
  <message>
   <source>Lifelines (m)</source>
   <translation>生命线（米）</translation>
  </message>
  <message>
   <source>{} findings: {} errors, {} warnings, {} for information.</source>
   <translation>问题 {} 个：错误 {} 个，警告 {} 个，提示 {} 个。</translation>
  </message>
  <message>
   <source>Meaning</source>
   <translation>含义</translation>
  </message>
  <message>
   <source>Findings by rule and layer</source>
   <translation>按规则和图层统计的问题</translation>
  </message>
  <message>
   <source>Features without a finding</source>
   <translation>无问题要素数</translation>
  </message>
  <message>
   <source>Complete</source>
   <translation>完整率</translation>
  </message>
  <message>
   <source>Completeness by layer</source>
   <translation>各图层完整性</translation>
  </message>
  <message>
   <source>Topic</source>
   <translation>事项</translation>
  </message>
  <message>
   <source>Standard or source</source>
   <translation>标准或依据</translation>
  </message>
  <message>
   <source>Evidence</source>
   <translation>核实等级</translation>
  </message>
  <message>
   <source>Where</source>
   <translation>出处</translation>
  </message>
  <message>
   <source>Standards and sources used</source>
   <translation>采用的标准与依据</translation>
  </message>
  <message>
   <source>Evidence levels: {}.</source>
   <translation>核实等级：{}。</translation>
  </message>
  <message>
   <source>Input</source>
   <translation>输入项</translation>
  </message>
  <message>
   <source>Layer or file</source>
   <translation>图层或文件</translation>
  </message>
  <message>
   <source>Inputs of this report</source>
   <translation>本报告的输入数据</translation>
  </message>
  <message>
   <source>Population {}: covered {} ({}), uncovered {}. {} demand units, {} of them cannot reach any facility over the network.</source>
   <translation>人口 {}：已覆盖 {}（{}），未覆盖 {}。需求单元 {} 个，其中 {} 个经路网无法到达任何设施。</translation>
  </message>
  <message>
   <source>Population covered and uncovered, in total and per district</source>
   <translation>覆盖与未覆盖人口（合计及分行政区）</translation>
  </message>
  <message>
   <source>{} facilities: {} reach the network, {} are overloaded, {} have no capacity recorded (their load cannot be judged).</source>
   <translation>设施 {} 个：{} 个接入路网，{} 个超负荷，{} 个未记录容量（无法判断其负荷）。</translation>
  </message>
  <message>
   <source>yes</source>
   <translation>是</translation>
  </message>
  <message>
   <source>no</source>
   <translation>否</translation>
  </message>
  <message>
   <source>Facility</source>
   <translation>设施</translation>
  </message>
  <message>
   <source>Population assigned</source>
   <translation>分配人口</translation>
  </message>
  <message>
   <source>Load ratio</source>
   <translation>负荷率</translation>
  </message>
  <message>
   <source>2SFCA ratio</source>
   <translation>2SFCA 比值</translation>
  </message>
  <message>
   <source>Reaches the network</source>
   <translation>接入路网</translation>
  </message>
  <message>
   <source>{} service areas with a total area of {} ha (areas of different facilities may overlap).</source>
   <translation>服务范围 {} 个，总面积 {} 公顷（不同设施的服务范围可能重叠）。</translation>
  </message>
  <message>
   <source>Service area (ha)</source>
   <translation>服务范围面积（公顷）</translation>
  </message>
  <message>
   <source>{} shelters or facilities are assigned more people than their capacity.</source>
   <translation>{} 个避难场所或设施分配的人口超过其容量。</translation>
  </message>
  <message>
   <source>Places missing</source>
   <translation>名额缺口</translation>
  </message>
  <message>
   <source>No capacity is recorded for: {}.</source>
   <translation>以下设施未记录容量：{}。</translation>
  </message>
  <message>
   <source>none reachable</source>
   <translation>无可达设施</translation>
  </message>
  <message>
   <source>Zone area (ha)</source>
   <translation>影响范围面积（公顷）</translation>
  </message>
  <message>
   <source>Overview map</source>
   <translation>总览图</translation>
  </message>
  <message>
   <source>No font with Chinese glyphs is installed (looked for {}); install fonts-noto-cjk.</source>
   <translation>未安装含中文字形的字体（已查找 {}）；请安装 fonts-noto-cjk。</translation>
  </message>
  <message>
   <source>Unknown report language {}.</source>
   <translation>未知的报告语言 {}。</translation>
  </message>
  <message>
   <source>The translation {} is missing; build it with "make transcompile".</source>
   <translation>缺少翻译文件 {}；请运行 make transcompile 生成。</translation>
  </message>
  <message>
   <source>The report template item "map" is not a map.</source>
   <translation>报告模板中的项“map”不是地图。</translation>
  </message>
  <message>
   <source>Contents</source>
   <translation>目录</translation>
  </message>
  <message>
   <source>Data: see the data attribution section.</source>
   <translation>数据：见“数据来源声明”一节。</translation>
  </message>
  <message>
   <source>The report template {} is not a QGIS layout template.</source>
   <translation>报告模板 {} 不是 QGIS 布局模板。</translation>
  </message>
  <message>
   <source>The report template {} could not be loaded.</source>
   <translation>无法加载报告模板 {}。</translation>
  </message>
  <message>
   <source>The report template has no item with the id "{}".</source>
   <translation>报告模板中没有 id 为“{}”的项。</translation>
  </message>
  <message>
   <source>Cannot read the report template {}: {}</source>
   <translation>无法读取报告模板 {}：{}</translation>
  </message>
  <message>
   <source>{}: {}</source>
   <translation>{}：{}</translation>
  </message>
  <message>
   <source>Method: the networks are split into isolation segments by their valves and switches; a failed asset is isolated by closing the devices around its segment, and what is no longer connected to a source (pump stations, substations, regulator stations) loses supply. Assets depending on a lost asset (a pump on its substation, a hospital on its main) fail after their backup time and the chain continues. Supply is connectivity, not pressure: a connected part may still have too little pressure (docs/lifelines.md).</source>
   <translation>方法：管网按阀门和开关划分为隔离段；故障资产通过关闭其所在隔离段周围的设备进行隔离，不再与源站（泵站、变电站、调压站）连通的部分失去供给。依赖失效资产的资产（依赖变电站的泵站、依赖干管的医院）在备用时长耗尽后失效，灾害链继续传递。供给按连通性判断而非压力：连通部分仍可能压力不足（见 docs/lifelines.md）。</translation>
  </message>
  <message>
   <source>Not part of this review: no lifeline criticality or disaster chain layer was given.</source>
   <translation>不属于本次评估内容：未给出生命线关键性或灾害链图层。</translation>
  </message>
  <message>
   <source>Sources of the lifeline analysis</source>
   <translation>生命线分析的依据</translation>
  </message>
  <message>
   <source>Disaster chain: the hazard makes {} assets fail; the chain reaches step {} and affects {} assets in all.</source>
   <translation>灾害链：灾害使 {} 个资产失效；灾害链传递到第 {} 步，共影响 {} 个资产。</translation>
  </message>
  <message>
   <source>Assets</source>
   <translation>资产</translation>
  </message>
  <message>
   <source>Which</source>
   <translation>具体资产</translation>
  </message>
  <message>
   <source>Through</source>
   <translation>起因</translation>
  </message>
  <message>
   <source>Time (h)</source>
   <translation>时间（小时）</translation>
  </message>
  <message>
   <source>Disaster chain, step by step</source>
   <translation>灾害链（逐步）</translation>
  </message>
  <message>
   <source>N-1 scan: {} isolation segments in {} networks ({}) failed one at a time; {} are too large (too few isolation devices).</source>
   <translation>N-1 扫描：{} 个隔离段（{} 个管网：{}）逐一故障；其中 {} 个过大（隔离设备过少）。</translation>
  </message>
  <message>
   <source>Lines in the segment</source>
   <translation>隔离段内管线</translation>
  </message>
  <message>
   <source>Length lost (m)</source>
   <translation>失效长度（米）</translation>
  </message>
  <message>
   <source>People without service</source>
   <translation>失去服务的人口</translation>
  </message>
  <message>
   <source>Facilities without service</source>
   <translation>失去服务的设施</translation>
  </message>
  <message>
   <source>Most critical isolation segments</source>
   <translation>最关键的隔离段</translation>
  </message>
  <message>
   <source>Length (m)</source>
   <translation>长度（米）</translation>
  </message>
  <message>
   <source>Isolation devices</source>
   <translation>隔离设备</translation>
  </message>
  <message>
   <source>Hydrants</source>
   <translation>消火栓</translation>
  </message>
  <message>
   <source>Too large</source>
   <translation>过大</translation>
  </message>
  <message>
   <source>Largest isolation segments</source>
   <translation>最大的隔离段</translation>
  </message>
  <message>
   <source>Most critical stations and nodes</source>
   <translation>最关键的站点和节点</translation>
  </message>
 </context>
</TS>
