/** Output plumbing shared by every writer: files that appear complete or not at all. */
package io.absmc.io;
