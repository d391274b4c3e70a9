// Purpose: the fit rates of several steps at once, $months after their end (to set a step beside its
// similar steps): people outside further study and the rate of people in a target job among them.
// Parameters: $steps (codes), $months (6, 12, 24 or 36).
// :param {steps: ['BTS-SIO-SISR', 'BUT-INFO'], months: 12}
UNWIND $steps AS id
MATCH (:Step {id: id})-[:HAS_FIT]->(f:Fit {months: $months})
RETURN id AS step, f.outsideStudy AS outsideStudy, f.rate AS share, f.rateLow AS shareLow, f.rateHigh AS shareHigh
