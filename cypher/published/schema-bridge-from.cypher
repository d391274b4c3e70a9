// Purpose: released whole bridge routes from a step.
// Parameters: none.
CREATE INDEX published_bridge_from IF NOT EXISTS FOR (b:BridgeRoute) ON (b.from)
