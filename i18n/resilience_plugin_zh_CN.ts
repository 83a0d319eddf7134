<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
 <context>
  <name>resilience</name>
  <message>
   <source>Risk sources</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Lifelines</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Shelters</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Facilities</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Population</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Base data</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Hazards</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Census findings</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Asset ID</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Risk sources (points)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Risk points: fuel and LPG stations, gas facilities, chemical storage.</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Risk sources (areas)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Risk sources mapped as site outlines: plants, depots, industrial sites.</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Pipelines, cables and lines of the lifeline networks.</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Lifeline nodes</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Valves, hydrants, manholes, substations, pump stations.</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Road network</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Roads and paths used for access and evacuation.</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Emergency shelters</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Emergency, fixed and central shelters (GB 51143).</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Shelter candidate sites</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Community centres, schools and parks that could shelter.</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Emergency facilities</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Fire stations, hospitals, EMS stations, supply depots.</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Population by area unit (grid cells, census units).</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Population (points)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Population by point (address points, building centroids).</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Buildings</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Building footprints.</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Layer</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Feature ID</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Rule</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Severity</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Message</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>A required attribute is empty</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>A value is not one of the allowed values</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>A value is outside its plausible range</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>The geometry is invalid</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>The feature has no geometry</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>The asset ID is used more than once</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>The segment is not connected to the rest of its network</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>The site is far from any road</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Emergency shelter: 500 m walk</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Fixed shelter (short-term): 1,000 m</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Fixed shelter (medium-term): 1,500 m</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Fixed shelter (long-term): 2,500 m</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Fire station: 4-minute drive</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>EMS / hospital: 5 km urban radius</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>15-minute life circle: 1,000 m walk</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Major risk (red)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Significant risk (orange)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>General risk (yellow)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Low risk (blue)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Level 1 (R &gt;= 100)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Level 2 (50 &lt;= R &lt; 100)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Level 3 (10 &lt;= R &lt; 50)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Level 4 (R &lt; 10)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Hazardous-chemical site</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Major hazard installation</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Fuel station</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>LPG / CNG station</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Gas facility</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Industrial site</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Other risk source</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Water supply</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Drainage</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Gas</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Power</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Heating</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Telecom</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Road</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Industrial pipeline</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Concrete</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Reinforced concrete</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Clay</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>PE</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>HDPE</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>UPVC</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Cast iron</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Ductile iron</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Steel</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Copper</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Aluminium</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Optical fibre</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Other</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Unknown</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Low (P &lt; 0.01 MPa)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Medium B (0.01-0.2 MPa)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Medium A (0.2-0.4 MPa)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Sub-high B (0.4-0.8 MPa)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Sub-high A (0.8-1.6 MPa)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>High B (1.6-2.5 MPa)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>High A (2.5-4.0 MPa)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Good</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Fair</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Poor</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Critical</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Field survey</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>As-built drawing</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Design drawing</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Inferred</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>OpenStreetMap</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>In use</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Planned</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Under construction</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Abandoned</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Directly buried</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Duct / conduit</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Utility tunnel</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Overhead</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>On surface</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Valve</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Fire hydrant</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Manhole</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Pump station</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Substation</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Transformer</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Tower / pole</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Pressure regulator station</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Other node</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Expressway</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Arterial road</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Secondary road</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Branch road</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Service / access road</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Pedestrian way</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Cycleway</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Other way</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Emergency shelter</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Fixed shelter, short-term</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Fixed shelter, medium-term</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Fixed shelter, long-term</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Central shelter</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Existing</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Closed</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Community centre</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>School</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Park / open space</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Sports ground</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Other candidate</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Fire station</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Hospital</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Ambulance (EMS) station</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Emergency supply depot</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Police station</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Other facility</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Residential</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Commercial</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Industrial</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Public</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Other / unknown</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Error</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Warning</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Information</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Owner</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Data source</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Source reference</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Last updated</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Remarks</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Name</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Kind of risk source</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Risk grade</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Hazard-source level (1-4)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Main hazardous substance</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Quantity (t)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Safety distance (m)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Responsible unit</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Contact</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Network type</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Subtype</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Material</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Diameter (mm)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Gas pressure class</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Voltage (kV)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Installation year</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Burial depth (m)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Burial type</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Condition</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Status</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Operator</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Road name</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Node kind</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Ground elevation (m)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Depth (m)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Road class</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Speed (km/h)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>One-way (0 no, 1 along, -1 against)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Passable</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Width (m)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Evacuation route</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Shelter class</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Effective area (m2)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Capacity (persons)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Facilities (water, power, toilets, ...)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Number of entrances</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Manager</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Kind of candidate site</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Facility kind</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Capacity (beds, vehicles or units)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Turnout / start delay (min)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Reference year</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>District</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Building use</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Floors</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Height (m)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Year built</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Estimated residents</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Create planning database…</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Import OpenStreetMap data…</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Validate census data…</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>&amp;Resilience planning</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Planning database</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Coverage</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Risk and hazards</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Census and reports</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Create planning database</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Creates a GeoPackage with every layer of the planning data model: risk sources, lifelines and their nodes, road network, shelters and candidate sites, emergency facilities, population and buildings. Each layer carries its default style, attribute form with drop-down lists, range checks, constraints and default values, so it opens in QGIS ready to edit.

CRS: a projected CRS in metres. When left empty it is the UTM zone of EXTENT; a geographic CRS is replaced by the UTM zone of the extent.</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>GeoPackage (*.gpkg)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>CRS (projected, metres)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Extent (to choose the CRS)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Give a projected CRS in metres, or an EXTENT to choose one.</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Created {} with {} layers in {}.</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>OUTPUT must be a GeoPackage file (.gpkg): {}</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>{} is not a metric CRS; using {} instead.</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>CRS chosen from the extent: {}</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>CRS {} does not measure in metres; give a projected CRS or an EXTENT to choose its UTM zone.</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Resilience planning</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Resilience planning {}</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>The planning database {} has no valid layer "{}".</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>The planning database {} does not exist.</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>{} is not a planning database: layers missing: {}</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Could not save the style of {}: {}</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Cannot open {} for writing.</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>(not set)</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>Between {} and {}</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>{} - {} persons/ha</source>
   <translation type="unfinished" />
  </message>
  <message>
   <source>{} persons/ha and more</source>
   <translation type="unfinished" />
  </message>
 </context>
</TS>
