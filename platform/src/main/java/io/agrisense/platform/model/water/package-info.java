/** Surface-water quality class by GB 3838-2002 Table 1, one parameter at a time; pure functions, no I/O. */
package io.agrisense.platform.model.water;
