/** Rating-agency style sizing: the largest tranche that meets a target rating, by bisection with common random numbers. */
package io.absmc.sizing;
