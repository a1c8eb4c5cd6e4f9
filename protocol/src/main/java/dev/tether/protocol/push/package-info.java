/** The push protocol between the tray and the gateway: paths, headers and the duration syntax. */
package dev.tether.protocol.push;
