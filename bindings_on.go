//go:build bindings

package main

// generatingBindings: this build only reports the bound methods to Wails.
const generatingBindings = true
