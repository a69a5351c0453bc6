/**
 * Leaf disease infection periods from leaf wetness duration and temperature by the generic infection model of
 * Magarey, Sutton and Thayer (2005, Phytopathology 95:92), parameterised for citrus scab (Elsinoë fawcettii)
 * after Whiteside (1975) and Agostini et al. (2003).
 */
package io.agrisense.platform.model.disease;
